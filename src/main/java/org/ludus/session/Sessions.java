package org.ludus.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ludus.Languages;
import org.ludus.Settings;
import org.ludus.page.App;
import org.ludus.page.Apps;
import org.ludus.page.PageSequence;

/** Creates sessions and finds them. */
@ApplicationScoped
public class Sessions {

    /**
     * The most participants a session may have (-Dludus.maxParticipants or LUDUS_MAX_PARTICIPANTS): a session
     * is created in one transaction, and 30,000 participants took 27 s and 220 MiB of heap.
     */
    public static final int MAX_PARTICIPANTS = Settings.number("ludus.maxParticipants",
            "LUDUS_MAX_PARTICIPANTS", 1000, 1, 1_000_000);

    @PersistenceContext
    EntityManager em;

    @Inject
    SessionConfigs configs;

    @Inject
    Apps apps;

    @Inject
    Jsonb jsonb;

    @Inject
    Rooms rooms;

    /**
     * Creates a session: its participants, and for every app and round a subsession, groups of
     * {@code players_per_group} in participant order, and a player per participant.
     */
    @Transactional
    public ExperimentSession create(String configName, int numParticipants, Map<String, Object> modifications) {
        return create(configName, numParticipants, modifications, null);
    }

    /** As above, opened in a room (null: none); it replaces the session open there before. */
    @Transactional
    public ExperimentSession create(String configName, int numParticipants, Map<String, Object> modifications,
            String roomName) {
        return create(configName, numParticipants, modifications, roomName, null);
    }

    /** As above, owned by a lab user ({@link ExperimentSession#getOwner()}). */
    @Transactional
    public ExperimentSession create(String configName, int numParticipants, Map<String, Object> modifications,
            String roomName, String owner) {
        if (roomName != null && rooms.find(roomName).isEmpty()) {
            throw new SessionCreationException("no room named '" + roomName + "'");
        }
        SessionConfig base = configs.find(configName)
                .orElseThrow(() -> new SessionCreationException("no session config named '" + configName + "'"));
        SessionConfig config = base.modifiedBy(modifications == null ? Map.of() : modifications);
        String language = config.language().orElse(Languages.serverDefault()); // refuses one without texts
        if (numParticipants < 1 || numParticipants > MAX_PARTICIPANTS) {
            throw new SessionCreationException("num_participants must be from 1 to " + MAX_PARTICIPANTS
                    + " (LUDUS_MAX_PARTICIPANTS)");
        }
        List<App> sequence = config.appSequence().stream().map(apps::byName).toList();
        for (App app : sequence) {
            int size = playersPerGroup(config, app);
            if (size > 0 && numParticipants % size != 0) {
                throw new SessionCreationException("num_participants must be a multiple of " + size
                        + " (players per group of app '" + app.name() + "')");
            }
        }

        var session = new ExperimentSession(Codes.random(Codes.SESSION_CODE_LENGTH), config.name(),
                jsonb.toJson(config.asMap()), numParticipants);
        session.setRoomName(roomName);
        session.setOwner(owner);
        session.setLanguage(language);
        session.setPageSequence(PageSequence.of(sequence).frozen());
        em.persist(session);
        var participants = new ArrayList<Participant>();
        for (int i = 1; i <= numParticipants; i++) {
            var participant = new Participant(session, Codes.random(Codes.PARTICIPANT_CODE_LENGTH), i);
            em.persist(participant);
            participants.add(participant);
        }
        for (App app : sequence) {
            for (int round = 1; round <= app.numRounds(); round++) {
                createRound(app, session, round, participants, playersPerGroup(config, app));
            }
        }
        return session;
    }

    /** A session from the demo page: the config as it is, marked as a demo (exports say is_demo). */
    @Transactional
    public ExperimentSession createDemo(String configName, int numParticipants, String owner) {
        ExperimentSession session = create(configName, numParticipants, Map.of(), null, owner);
        session.markDemo();
        return session;
    }

    /** The app's group size, unless the session's config sets {@code players_per_group} (e.g. a crowd auction). */
    static int playersPerGroup(SessionConfig config, App app) {
        Object configured = config.custom().get(SessionConfig.PLAYERS_PER_GROUP);
        return configured instanceof Number n ? n.intValue() : app.playersPerGroup();
    }

    private void createRound(App app, ExperimentSession session, int round, List<Participant> participants,
            int playersPerGroup) {
        var subsession = new Subsession(session, app.name(), round);
        em.persist(subsession);
        int groupSize = playersPerGroup > 0 ? playersPerGroup : participants.size();
        BaseGroup group = null;
        for (int i = 0; i < participants.size(); i++) {
            if (i % groupSize == 0) {
                group = newInstance(app.groupClass());
                group.place(subsession, i / groupSize + 1);
                em.persist(group);
            }
            @SuppressWarnings("unchecked")
            BasePlayer<BaseGroup> player = (BasePlayer<BaseGroup>) newInstance(app.playerClass());
            player.place(participants.get(i), subsession, group, i % groupSize + 1);
            em.persist(player);
        }
        em.flush();
        app.creatingSession(subsession);
    }

    private static <T> T newInstance(Class<T> type) {
        try {
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getName() + " needs a no-argument constructor", e);
        }
    }

    public Optional<ExperimentSession> find(String code) {
        return em.createNamedQuery("ExperimentSession.byCode", ExperimentSession.class)
                .setParameter("code", code)
                .getResultStream()
                .findFirst();
    }

    /** Every session, newest first. */
    public List<ExperimentSession> all() {
        return em.createNamedQuery("ExperimentSession.all", ExperimentSession.class).getResultList();
    }

    public List<Participant> participants(ExperimentSession session) {
        return em.createNamedQuery("Participant.ofSession", Participant.class)
                .setParameter("session", session)
                .getResultList();
    }

    /** The session's config with its modifications, as stored when it was created. */
    public Map<String, Object> config(ExperimentSession session) {
        return jsonb.fromJson(session.getConfigJson(), CONFIG_TYPE);
    }

    /** A LinkedHashMap keeps the config's keys in the order oTree shows them. */
    private static final java.lang.reflect.Type CONFIG_TYPE =
            new LinkedHashMap<String, Object>() { }.getClass().getGenericSuperclass();
}
