package org.ludus.live;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.InvocationTargetException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hibernate.query.NativeQuery;
import org.ludus.live.LiveMethods.LiveMethod;
import org.ludus.live.LiveRouting.Delivery;
import org.ludus.page.PageBeans;
import org.ludus.page.PageRef;
import org.ludus.page.Players;
import org.ludus.page.Players.PlayerInGroup;
import org.ludus.session.BaseGroup;
import org.ludus.session.BasePlayer;
import org.ludus.session.Participant;

/**
 * Runs one live message as one transaction: check the page, bind the data, lock the group row, run the live
 * method, commit; then, and only then, send what it returned (through {@link GroupOutbox}, in commit order)
 * and acknowledge the message. Any failure rolls everything back and reaches only the sender.
 */
@ApplicationScoped
public class LiveDispatcher {

    private static final Logger LOG = Logger.getLogger(LiveDispatcher.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    PageBeans pageBeans;

    @Inject
    Players players;

    @Inject
    LiveMethods liveMethods;

    @Inject
    Jsonb jsonb;

    @Inject
    GroupOutbox outbox;

    @Inject
    LiveConnections connections;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    Event<LiveMessageApplied> appliedEvent;

    /** The page the participant is on, if there is such a participant (checked when a socket opens). */
    public Optional<Integer> currentPage(String code) {
        return em.createQuery("select p.indexInPages from Participant p where p.code = :code", Integer.class)
                .setParameter("code", code)
                .getResultStream()
                .findFirst();
    }

    /**
     * Applies the message, or acknowledges it again if it is a re-send of a committed one. Five statements for
     * a message that changes one row and inserts one: lock the group, claim the message on the participant
     * row, load the group's players, and the live method's own two.
     */
    @Transactional(rollbackOn = Exception.class)
    public void dispatch(LiveConnection sender, LiveProtocol.LiveMessage message) {
        LiveTarget target = sender.target();
        if (target == null) {
            target = lookUp(sender, message);
            if (target == null) {
                return; // a re-send of a committed message, already acknowledged
            }
            sender.target(target);
        }
        Object data = bind(message.dataJson(), target.method());
        PageRef page = target.page();
        // The group's row lock serializes the group's moves. Nothing of the group is loaded before this line,
        // so what the live method sees is the state the previous move committed.
        BaseGroup group = em.find(page.app().groupClass(), target.groupId(), LockModeType.PESSIMISTIC_WRITE);
        var fanOut = new FanOut(sender, message.id());
        transactions.registerInterposedSynchronization(fanOut);
        fanOut.slot = outbox.reserve(target.groupKey());

        if (!claim(target, sender.clientId(), message.id())) {
            return; // a re-send of a message already committed: acknowledge it again, apply nothing
        }
        // the group's players in one query: the sender's, for the live method, and everyone's address
        List<PlayerInGroup> inGroup = players.playersOf(page.app(), group.getId());
        long playerId = target.playerId();
        BasePlayer<?> player = inGroup.stream().map(PlayerInGroup::player)
                .filter(candidate -> candidate.getId() == playerId)
                .findFirst()
                .orElseThrow(GroupChanged::new); // regrouped (arrival order) since the socket looked it up
        Object returned = invoke(target.method(), page, player, data);
        fanOut.applied = new LiveMessageApplied(target.sessionCode(), page.app().name(), page.round(),
                group.getIdInSubsession(), player.getIdInGroup(), page.name(), message.dataJson(), Instant.now());
        List<Delivery> deliveries = LiveRouting.route((Map<?, ?>) returned,
                inGroup.stream().map(PlayerInGroup::member).toList(), page.index());
        fanOut.frames = frames(deliveries, page.index());
        em.flush(); // database errors surface here, as a refusal, not after the sender was told "ack"
    }

    /**
     * A socket's first message: who sent it, to which page, player and group. Null if it is a re-send of a
     * committed message (acknowledged here: it may come from a page since left).
     */
    private LiveTarget lookUp(LiveConnection sender, LiveProtocol.LiveMessage message) {
        Object[] found = em.createQuery("select p.id, p.indexInPages, p.session.configName, p.visited,"
                        + " p.liveClient, p.liveSeq, p.session.code from Participant p where p.code = :code", Object[].class)
                .setParameter("code", sender.participantCode())
                .getResultStream().findFirst()
                .orElseThrow(() -> new LiveRefusal("not_on_page", "no such participant"));
        long participantId = (Long) found[0];
        int pageIndex = (Integer) found[1];
        if (Participant.applied((String) found[4], (Long) found[5], sender.clientId(), message.id())) {
            sender.send(LiveProtocol.ackFrame(message.id()));
            return null;
        }
        if (!(Boolean) found[3] || pageIndex != sender.pageIndex()) {
            throw new LiveRefusal("not_on_page", "the participant is on page " + pageIndex
                    + ", not on page " + sender.pageIndex());
        }
        PageRef page = pageBeans.sequenceOf((String) found[2]).at(pageIndex)
                .orElseThrow(() -> new LiveRefusal("not_on_page", "the participant has finished"));
        LiveMethod method = liveMethods.of(page.pageClass())
                .orElseThrow(() -> new LiveRefusal("no_live_method", page.name() + " has no live method"));
        long[] ids = players.idsOf(participantId, page);
        return new LiveTarget(participantId, (String) found[6], page, method, ids[0], ids[1]);
    }

    /**
     * Records the message as the participant's latest applied one, in one statement that also checks, under
     * the group's lock, that the participant is still on the page. False for a re-send of a committed message;
     * a refusal if the participant has left the page.
     */
    private boolean claim(LiveTarget target, String clientId, long messageId) {
        // native SQL: Hibernate translates a JPQL update anew on every call (a profile showed that as 5% of
        // the server's CPU). The last condition is Participant.applied's rule, negated.
        int claimed = em.createNativeQuery("update participant set live_client = ?1, live_seq = ?2"
                        + " where id = ?3 and index_in_pages = ?4 and visited = true"
                        + " and (live_client is null or live_client <> ?1 or live_seq < ?2)")
                .unwrap(NativeQuery.class)
                .addSynchronizedEntityClass(Participant.class) // what it changes, so no other cache is dropped
                .setParameter(1, clientId)
                .setParameter(2, messageId)
                .setParameter(3, target.participantId())
                .setParameter(4, target.page().index())
                .executeUpdate();
        if (claimed == 1) {
            return true;
        }
        Participant participant = em.find(Participant.class, target.participantId());
        if (participant.hasApplied(clientId, messageId)) {
            return false;
        }
        throw new LiveRefusal("not_on_page", "the participant has left page " + target.page().index());
    }

    private Object bind(String dataJson, LiveMethod method) {
        try {
            Object data = jsonb.fromJson(dataJson, method.dataType());
            if (data == null && method.dataType() != JsonValue.class) {
                throw new LiveRefusal("bad_data", "data must not be null");
            }
            return data;
        } catch (JsonbException | IllegalArgumentException | ClassCastException e) {
            String why = rootMessage(e);
            throw new LiveRefusal("bad_data", "data does not fit " + method.dataType().getTypeName()
                    + (why == null ? "" : ": " + why));
        }
    }

    private Object invoke(LiveMethod method, PageRef page, BasePlayer<?> player, Object data) {
        try {
            return method.method().invoke(pageBeans.bean(page.pageClass()), player, data);
        } catch (InvocationTargetException e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.log(Level.WARNING, "live method " + page.name() + " failed (ref " + reference + ")", e.getCause());
            throw new LiveRefusal("live_method_failed", "the live method of " + page.name()
                    + " failed; nothing was changed (server log ref " + reference + ")", e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Serializes each distinct payload once, inside the transaction (lazy entity fields still load). */
    private List<Runnable> frames(List<Delivery> deliveries, int pageIndex) {
        var framesByPayload = new IdentityHashMap<Object, String>();
        var sends = new ArrayList<Runnable>(deliveries.size());
        for (Delivery delivery : deliveries) {
            String frame = framesByPayload.computeIfAbsent(delivery.payload(), this::liveFrame);
            sends.add(() -> connections.sendToPage(delivery.participantCode(), pageIndex, frame));
        }
        return sends;
    }

    private String liveFrame(Object payload) {
        try {
            return LiveProtocol.liveFrame(jsonb.toJson(payload));
        } catch (JsonbException | StackOverflowError e) {
            throw new LiveRefusal("live_method_failed", "the live method returned a value that cannot be written"
                    + " as JSON: " + rootMessage(e));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    /** The player's group is not the one the socket looked up: look it up again and retry (LiveEndpoint). */
    static final class GroupChanged extends RuntimeException {
        GroupChanged() {
            super("the group changed while the message waited; send it again", null, false, false);
        }
    }

    /** After the transaction: fills the group's outbox slot with the frames (committed) or nothing. */
    private final class FanOut implements Synchronization {
        private final LiveConnection sender;
        private final long messageId;
        private GroupOutbox.Slot slot;
        private List<Runnable> frames = List.of();
        private LiveMessageApplied applied;

        FanOut(LiveConnection sender, long messageId) {
            this.sender = sender;
            this.messageId = messageId;
        }

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (slot == null) {
                return;
            }
            if (status != Status.STATUS_COMMITTED) {
                outbox.complete(slot, null);
                return;
            }
            List<Runnable> committed = frames;
            outbox.complete(slot, () -> {
                committed.forEach(Runnable::run);
                sender.send(LiveProtocol.ackFrame(messageId));
            });
            if (applied != null) {
                try {
                    appliedEvent.fire(applied);
                } catch (RuntimeException e) { // an observer's failure must not reach the committed message
                    LOG.log(Level.WARNING, "an observer of committed live messages failed", e);
                }
            }
        }
    }
}
