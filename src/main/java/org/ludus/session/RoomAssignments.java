package org.ludus.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Hands out a session's participants to people arriving through a room (by label) or through the session-wide
 * link (by a cookie). The session row is locked while a participant is picked, so two people arriving at the
 * same moment never get the same one.
 */
@ApplicationScoped
public class RoomAssignments {

    /** Where someone arriving is sent. */
    public sealed interface Outcome permits Assigned, NoSession, Full, PasswordRequired, TooManyNewSeats {
    }

    public record Assigned(String participantCode) implements Outcome {
    }

    /** The room has no open session yet: wait. */
    public record NoSession() implements Outcome {
    }

    /** Every participant of the session is taken. */
    public record Full() implements Outcome {
    }

    /** The room has a password, and this browser neither gave it nor holds a seat's cookie. */
    public record PasswordRequired() implements Outcome {
    }

    /** This address has taken as many new seats this minute as the room allows ({@link NewSeatLimit}). */
    public record TooManyNewSeats() implements Outcome {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Sessions sessions;

    public Optional<ExperimentSession> openSession(Room room) {
        return em.createNamedQuery("ExperimentSession.openInRoom", ExperimentSession.class)
                .setParameter("room", room.name())
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /**
     * Someone entered a room: the participant their cookie names (with the same label, if they give one);
     * else, with a label, the participant with that label (the first free one on their first visit), else a
     * free one. Without {@code passwordGiven} (a room with a password) only the cookie's participant.
     * {@code newSeatAllowed} is asked only when a free participant would be handed out.
     */
    @Transactional
    public Outcome enterRoom(Room room, String label, String cookieParticipantCode, boolean passwordGiven,
            BooleanSupplier newSeatAllowed) {
        Optional<ExperimentSession> open = openSession(room);
        if (open.isEmpty()) {
            return new NoSession();
        }
        ExperimentSession session = em.find(ExperimentSession.class, open.get().getId(), LockModeType.PESSIMISTIC_WRITE);
        Optional<Participant> returning = byCookie(session, cookieParticipantCode)
                .filter(p -> label == null || label.equals(p.getLabel()));
        if (returning.isPresent()) {
            return new Assigned(returning.get().getCode());
        }
        if (!passwordGiven) {
            return new PasswordRequired();
        }
        if (label != null) {
            Optional<Participant> labelled = sessions.participants(session).stream()
                    .filter(p -> label.equals(p.getLabel())).findFirst();
            if (labelled.isPresent()) {
                return new Assigned(labelled.get().getCode());
            }
        }
        if (firstFree(session).isPresent() && !newSeatAllowed.getAsBoolean()) {
            return new TooManyNewSeats();
        }
        Optional<Participant> claimed = claimFirstFree(session);
        if (claimed.isEmpty()) {
            return new Full();
        }
        Participant participant = claimed.get();
        if (label != null) {
            participant.setLabel(label);
            em.createNamedQuery("RoomParticipantVars.of", RoomParticipantVars.class)
                    .setParameter("room", room.name()).setParameter("label", label)
                    .getResultStream().findFirst()
                    .ifPresent(stored -> participant.updateVars(stored.getVars()));
        }
        return new Assigned(participant.getCode());
    }

    /** The session-wide link: one participant per browser (its cookie); a second click returns to it. */
    @Transactional
    public Outcome joinSession(String sessionCode, String cookieParticipantCode, BooleanSupplier newSeatAllowed) {
        Optional<ExperimentSession> found = sessions.find(sessionCode);
        if (found.isEmpty() || found.get().isClosed()) {
            return new NoSession();
        }
        ExperimentSession session = em.find(ExperimentSession.class, found.get().getId(), LockModeType.PESSIMISTIC_WRITE);
        Optional<Participant> returning = byCookie(session, cookieParticipantCode);
        if (returning.isPresent()) {
            return new Assigned(returning.get().getCode());
        }
        if (firstFree(session).isPresent() && !newSeatAllowed.getAsBoolean()) {
            return new TooManyNewSeats();
        }
        return claimFirstFree(session).<Outcome>map(claimed -> new Assigned(claimed.getCode())).orElseGet(Full::new);
    }

    /** Claims the session's first unclaimed participant, if any (the session row is locked by the caller). */
    private Optional<Participant> claimFirstFree(ExperimentSession session) {
        Optional<Participant> free = firstFree(session);
        free.ifPresent(participant -> participant.claim(Instant.now()));
        return free;
    }

    /** oTree's POST /api/participant_vars/: kept for the label, and given to its participant if it is there. */
    @Transactional
    public void storeParticipantVars(Room room, String label, Map<String, Object> vars) {
        RoomParticipantVars stored = em.createNamedQuery("RoomParticipantVars.of", RoomParticipantVars.class)
                .setParameter("room", room.name()).setParameter("label", label)
                .getResultStream().findFirst()
                .orElseGet(() -> {
                    var created = new RoomParticipantVars(room.name(), label);
                    em.persist(created);
                    return created;
                });
        stored.updateVars(vars);
        openSession(room).flatMap(session -> sessions.participants(session).stream()
                        .filter(p -> label.equals(p.getLabel())).findFirst())
                .ifPresent(participant -> participant.updateVars(vars));
    }

    private Optional<Participant> byCookie(ExperimentSession session, String participantCode) {
        if (participantCode == null) {
            return Optional.empty();
        }
        return sessions.participants(session).stream()
                .filter(p -> p.getCode().equals(participantCode) && p.getClaimedAt() != null).findFirst();
    }

    private Optional<Participant> firstFree(ExperimentSession session) {
        return sessions.participants(session).stream().filter(Participant::isFree).findFirst();
    }
}
