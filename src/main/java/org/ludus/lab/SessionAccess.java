package org.ludus.lab;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ludus.security.Roles;
import org.ludus.session.ExperimentSession;
import org.ludus.session.Sessions;

/**
 * Which sessions the caller may see and what they may do with each ({@link Permission}): a lab-admin everything;
 * the owner all of their own; whoever a session is shared with what the share says. A share never gives more
 * than the caller's lab role allows (an assistant stays an assistant on a session shared "as researcher").
 * Sessions from before owners were recorded belong to the lab-admins.
 */
@ApplicationScoped
public class SessionAccess {

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Sessions sessions;

    @Inject
    LabUsers users;

    /** What the caller may do with this session. */
    @Transactional
    public Permission permission(ExperimentSession session) {
        Permission ceiling = caller.ceiling();
        if (caller.isLabAdmin() || ceiling == Permission.NONE) {
            return ceiling;
        }
        Permission given;
        if (caller.subject().equals(session.getOwner())) {
            given = Permission.OWN;
        } else {
            given = share(session, caller.subject()).map(share -> Roles.RESEARCHER.equals(share.getRole())
                    ? Permission.RESEARCH : Permission.ASSIST).orElse(Permission.NONE);
        }
        return Permission.min(given, ceiling);
    }

    /** The session and what the caller may do with it; empty if there is no session with this code. */
    @Transactional
    public Optional<Allowed> find(String code) {
        return sessions.find(code).map(session -> new Allowed(session, permission(session)));
    }

    /** A session and the caller's permission on it. */
    public record Allowed(ExperimentSession session, Permission permission) {
        public boolean allows(Permission needed) {
            return permission.allows(needed);
        }
    }

    /** The sessions the caller may see (at least {@link Permission#ASSIST}), newest first. */
    @Transactional
    public List<ExperimentSession> visible() {
        if (caller.isLabAdmin()) {
            return sessions.all();
        }
        if (caller.ceiling() == Permission.NONE) {
            return List.of();
        }
        return em.createNamedQuery("ExperimentSession.visibleTo", ExperimentSession.class)
                .setParameter("subject", caller.subject()).getResultList();
    }

    /**
     * Whether the caller may open a session in this room, which replaces the one open there: only if none is
     * open or the open one is the caller's to research (a researcher must not take over another's room).
     */
    @Transactional
    public boolean mayOpenIn(String roomName) {
        return roomName == null || em.createNamedQuery("ExperimentSession.openInRoom", ExperimentSession.class)
                .setParameter("room", roomName).setMaxResults(1).getResultStream().findFirst()
                .map(open -> permission(open).allows(Permission.RESEARCH)).orElse(true);
    }

    /** The codes of the sessions whose data the caller may export; empty for all (a lab-admin). */
    @Transactional
    public Optional<Set<String>> exportable() {
        if (caller.isLabAdmin()) {
            return Optional.empty();
        }
        if (!caller.ceiling().allows(Permission.RESEARCH)) {
            return Optional.of(Set.of());
        }
        // what permission() gives RESEARCH a researcher: their own, and those shared with them as researcher
        return Optional.of(Set.copyOf(em.createNamedQuery("ExperimentSession.researchableBy", String.class)
                .setParameter("subject", caller.subject()).setParameter("role", Roles.RESEARCHER).getResultList()));
    }

    @Transactional
    public List<SessionShare> shares(ExperimentSession session) {
        return em.createNamedQuery("SessionShare.ofSession", SessionShare.class).setParameter("session", session)
                .getResultList();
    }

    /**
     * Shares the session with a lab user as researcher or assistant (again: changes the role).
     * @throws IllegalArgumentException for an unknown user, the owner, or a role that is neither
     */
    @Transactional
    public void share(String code, String subject, String role) {
        // the session's row locked: two shares at once (a double click) update one row, not insert two
        ExperimentSession session = em.find(ExperimentSession.class, sessions.find(code).orElseThrow().getId(),
                jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (!Roles.RESEARCHER.equals(role) && !Roles.ASSISTANT.equals(role)) {
            throw new IllegalArgumentException("share as researcher or assistant, not '" + role + "'");
        }
        if (users.find(subject).isEmpty()) {
            throw new IllegalArgumentException("no lab user has that subject: share with someone who has signed in once");
        }
        if (subject.equals(session.getOwner())) {
            throw new IllegalArgumentException("the owner has the session already");
        }
        share(session, subject).ifPresentOrElse(share -> share.setRole(role),
                () -> em.persist(new SessionShare(session, subject, role, caller.subject())));
    }

    /** @return whether it was shared with that user */
    @Transactional
    public boolean unshare(String code, String subject) {
        ExperimentSession session = sessions.find(code).orElseThrow();
        Optional<SessionShare> share = share(session, subject);
        share.ifPresent(em::remove);
        return share.isPresent();
    }

    private Optional<SessionShare> share(ExperimentSession session, String subject) {
        return em.createNamedQuery("SessionShare.one", SessionShare.class).setParameter("session", session)
                .setParameter("subject", subject).getResultStream().findFirst();
    }
}
