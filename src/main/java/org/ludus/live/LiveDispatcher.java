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
import org.ludus.live.LiveMethods.LiveMethod;
import org.ludus.live.LiveRouting.Delivery;
import org.ludus.page.PageBeans;
import org.ludus.page.PageRef;
import org.ludus.page.Players;
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
    Event<LiveMessageApplied> applied;

    /** The page the participant is on, if there is such a participant (checked when a socket opens). */
    public Optional<Integer> currentPage(String code) {
        return em.createQuery("select p.indexInPages from Participant p where p.code = :code", Integer.class)
                .setParameter("code", code)
                .getResultStream()
                .findFirst();
    }

    @Transactional(rollbackOn = Exception.class)
    /** Applies the message; returns its group's key (app:group id), or null if it never reached a group. */
    public String dispatch(LiveConnection sender, LiveProtocol.LiveMessage message) {
        Object[] found = em.createQuery("select p.id, p.indexInPages, p.session.configName, p.visited,"
                        + " p.liveClient, p.liveSeq, p.session.code from Participant p where p.code = :code", Object[].class)
                .setParameter("code", sender.participantCode())
                .getResultStream().findFirst()
                .orElseThrow(() -> new LiveRefusal("not_on_page", "no such participant"));
        long participantId = (Long) found[0];
        int pageIndex = (Integer) found[1];
        if (sender.clientId().equals(found[4]) && message.id() <= (Long) found[5]) {
            // a re-send of a committed message (maybe from a page since left): acknowledge it, apply nothing
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
        Object data = bind(message.dataJson(), method);

        long[] ids = players.idsOf(participantId, page);
        // The group's row lock serializes the group's moves. Nothing of the group is loaded before this line,
        // so what the live method sees is the state the previous move committed.
        BaseGroup group = em.find(page.app().groupClass(), ids[1], LockModeType.PESSIMISTIC_WRITE);
        var fanOut = new FanOut(sender, message.id());
        transactions.registerInterposedSynchronization(fanOut);
        String groupKey = page.app().name() + ":" + group.getId();
        fanOut.slot = outbox.reserve(groupKey);

        Participant participant = em.find(Participant.class, participantId);
        if (participant.getIndexInPages() != pageIndex) { // moved on while we waited for the lock
            throw new LiveRefusal("not_on_page", "the participant has left page " + pageIndex);
        }
        if (participant.hasApplied(sender.clientId(), message.id())) {
            return groupKey; // a re-send of a message already committed: acknowledge it again, apply nothing
        }
        BasePlayer<?> player = em.find(page.app().playerClass(), ids[0]);
        if (!player.getGroup().getId().equals(group.getId())) { // regrouped (arrival order) since we looked
            throw new LiveRefusal("server_error", "the group changed while the message waited; send it again");
        }
        Object returned = invoke(method, page, player, data);
        participant.markApplied(sender.clientId(), message.id());
        applied.fire(new LiveMessageApplied((String) found[6], page.app().name(), page.round(), group.getIdInSubsession(),
                player.getIdInGroup(), page.name(), message.dataJson(), Instant.now()));
        List<Delivery> deliveries = LiveRouting.route((Map<?, ?>) returned, players.membersOf(page.app(),
                group.getId()), pageIndex);
        fanOut.frames = frames(deliveries, pageIndex);
        em.flush(); // database errors surface here, as a refusal, not after the sender was told "ack"
        return groupKey;
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

    /** After the transaction: fills the group's outbox slot with the frames (committed) or nothing. */
    private final class FanOut implements Synchronization {
        private final LiveConnection sender;
        private final long messageId;
        private GroupOutbox.Slot slot;
        private List<Runnable> frames = List.of();

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
        }
    }
}
