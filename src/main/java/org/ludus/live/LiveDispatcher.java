package org.ludus.live;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.Json;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.lang.reflect.InvocationTargetException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ludus.StrictJson;
import org.ludus.live.LiveMethods.LiveMethod;
import org.ludus.live.LiveRouting.Delivery;
import org.ludus.page.App;
import org.ludus.page.PageBeans;
import org.ludus.page.PageFlow;
import org.ludus.page.PageRef;
import org.ludus.page.Players;
import org.ludus.session.BaseGroup;
import org.ludus.session.BasePlayer;

/**
 * Runs one live message as one transaction: bind the data, lock the group row, check the page and the log
 * for a re-send, run the live method, number the message in the group's order and log it, commit; then, and
 * only then, send what it returned (through {@link GroupOutbox}, in commit order) and acknowledge the
 * message. Any failure rolls everything back and reaches only the sender.
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
    Validator validator;

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
     * a message that changes one row and inserts one: lock the group, read the group's players (with the
     * sender's page and whether the log has this message already), the live method's own two (the group row,
     * which also takes the message's number, and its insert), and the log's row.
     */
    @Transactional(rollbackOn = Exception.class)
    public void dispatch(LiveConnection sender, SocketLanes.Work work, LiveTarget target) {
        LiveProtocol.LiveMessage message = work.message();
        boolean asksState = target.method().emptyAsksState() && message.data() instanceof JsonObject object
                && object.isEmpty();
        Object data = asksState ? null : bind(message, target.method());
        PageRef page = target.page();
        BaseGroup group = lockGroup(target);
        var fanOut = fanOut(work, target);

        GroupRead read = readGroup(page.app(), group.getId(), target.participantId(), sender.clientId(), message.id());
        if (read.loggedSeq() != null) {
            fanOut.seq = read.loggedSeq(); // a re-send of a committed message: acknowledge it again, apply nothing
            return;
        }
        PlayerInGroup sending = member(read, target);
        if (sending.member().pageIndex() != page.index()) { // page moves take this lock too: this is final
            throw new LiveRefusal("not_on_page", "the participant has left page " + page.index());
        }
        if (sending.expiresAt() != null && !Instant.now().isBefore(sending.expiresAt())) {
            // the page's time is up: the sweep moves the participant on within a tick, and nothing more counts
            throw new LiveRefusal("page_expired", "the time of page " + page.index() + " ran out at "
                    + sending.expiresAt().truncatedTo(ChronoUnit.MILLIS));
        }
        BasePlayer<?> player = sending.player();
        Object returned = asksState ? stateFor(page, player) : invoke(target.method(), page, player, data);
        long seq = group.nextLiveSeq();
        List<Delivery> deliveries = LiveRouting.route((Map<?, ?>) returned,
                read.players().stream().map(PlayerInGroup::member).toList(), page.index());
        Fan fan = fan(deliveries, page.index(), seq);
        Instant committing = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        em.persist(new LiveLogEntry(new LiveLogEntry.Origin(target.sessionId(), target.sessionCode(),
                page.app().name(), page.round(), page.index(), page.name(), group.getId(), group.getIdInSubsession(),
                target.participantId(), sender.participantCode(), player.getIdInGroup()), sender.clientId(),
                message.id(), seq, message.receivedAt(), committing, message.dataJson(), fan.deliveredJson()));
        fanOut.frames = fan.sends();
        fanOut.seq = seq;
        fanOut.applied = new LiveMessageApplied(target.sessionCode(), page.app().name(), page.round(),
                group.getIdInSubsession(), player.getIdInGroup(), page.name(), message.dataJson(), committing);
        em.flush(); // database errors surface here, as a refusal, not after the sender was told "ack"
        work.flushed();
    }

    /**
     * A state request: the page's {@link org.ludus.page.Page#liveState} for this player, to this socket only,
     * read under the group's lock and sent in the group's order, so no older broadcast can arrive after it.
     * It carries the number of the group's last committed message. Nothing is written.
     */
    @Transactional(rollbackOn = Exception.class)
    public void dispatchState(LiveConnection sender, SocketLanes.Work work, LiveTarget target) {
        PageRef page = target.page();
        BaseGroup group = lockGroup(target);
        var fanOut = fanOut(work, target);
        GroupRead read = readGroup(page.app(), group.getId(), target.participantId(), sender.clientId(), 0);
        PlayerInGroup sending = member(read, target);
        if (sending.member().pageIndex() != page.index()) { // left the page meanwhile: where they are now
            String moved = LiveProtocol.movedFrame(PageFlow.pageUrl(sender.participantCode(),
                    sending.member().pageIndex()));
            fanOut.frames = List.of(() -> sender.send(moved));
            return;
        }
        Object state = liveState(page, sending.player());
        String frame = LiveProtocol.stateFrame(group.getLiveSeq(), state == null ? null : toJson(state));
        fanOut.frames = List.of(() -> sender.send(frame));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object liveState(PageRef page, BasePlayer<?> player) {
        return ((org.ludus.page.Page) pageBeans.bean(page.pageClass())).liveState(player);
    }

    /** The answer to {@code {}}: the page's state, to the sender alone (nothing if the page's state is null). */
    private Map<Integer, Object> stateFor(PageRef page, BasePlayer<?> player) {
        Object state = liveState(page, player);
        return state == null ? null : Map.of(player.getIdInGroup(), state);
    }

    /** The group's row lock serializes the group's moves; nothing of the group is loaded before it. */
    private BaseGroup lockGroup(LiveTarget target) {
        return em.find(target.page().app().groupClass(), target.groupId(), LockModeType.PESSIMISTIC_WRITE);
    }

    /** The transaction's place in the group's send order, taken while the row lock is held. */
    private FanOut fanOut(SocketLanes.Work work, LiveTarget target) {
        var fanOut = new FanOut(work, outbox.reserve(target.groupKey()));
        try {
            transactions.registerInterposedSynchronization(fanOut);
        } catch (RuntimeException e) {
            outbox.complete(fanOut.slot, null); // a slot never completed would hold up the group's fan-out
            throw e;
        }
        return fanOut;
    }

    /** The sender's player among the group's, read under the lock; GroupChanged if it is not in it. */
    private static PlayerInGroup member(GroupRead read, LiveTarget target) {
        long playerId = target.playerId();
        return read.players().stream().filter(candidate -> candidate.player().getId() == playerId)
                .findFirst()
                .orElseThrow(GroupChanged::new); // regrouped (arrival order) since the socket looked it up
    }

    /**
     * A socket's first work: who sent it, to which page, player and group, read without any lock. Null if there
     * is nothing to run: a re-send of a message committed before the participant left the page (acknowledged
     * here), or a state request for a page the participant has left (their pages are told to follow).
     */
    @Transactional
    public LiveTarget lookUp(LiveConnection sender, SocketLanes.Work work) {
        Object[] found = em.createQuery("select p.id, p.indexInPages, p.session.configName, p.visited,"
                        + " p.session.id, p.session.code, p.session.pageSequence from Participant p"
                        + " where p.code = :code", Object[].class)
                .setParameter("code", sender.participantCode())
                .getResultStream().findFirst()
                .orElseThrow(() -> new LiveRefusal("not_on_page", "no such participant"));
        long participantId = (Long) found[0];
        int pageIndex = (Integer) found[1];
        if (!(Boolean) found[3] || pageIndex != sender.pageIndex()) {
            if (work.message() == null) { // a state request from a page the participant left: where they are
                sender.send(LiveProtocol.movedFrame((Boolean) found[3] ? PageFlow.pageUrl(sender.participantCode(),
                        pageIndex) : "/InitializeParticipant/" + sender.participantCode()));
                return null;
            }
            Long seq = loggedSeq(participantId, sender.clientId(), work.message().id());
            if (seq != null) {
                work.ack(seq);
                return null;
            }
            throw new LiveRefusal("not_on_page", onAnotherPage(pageIndex, sender.pageIndex()));
        }
        PageRef page = pageBeans.sequenceOf((String) found[2], (String) found[6]).at(pageIndex)
                .orElseThrow(() -> new LiveRefusal("not_on_page", "the participant has finished"));
        LiveMethod method = liveMethods.of(page.pageClass()).orElse(null);
        if (method == null && work.message() != null) {
            throw new LiveRefusal("no_live_method", page.name() + " has no live method");
        }
        long[] ids = players.idsOf(participantId, page);
        return new LiveTarget(participantId, (Long) found[4], (String) found[5], page, method, ids[0], ids[1]);
    }

    /** The group's {@code seq} of a committed message, or null if the log has no such message. */
    private Long loggedSeq(long participantId, String clientId, long messageId) {
        return em.createQuery("select l.seq from LiveLogEntry l where l.participantId = :participant"
                        + " and l.clientId = :client and l.messageId = :message", Long.class)
                .setParameter("participant", participantId)
                .setParameter("client", clientId)
                .setParameter("message", messageId)
                .getResultStream().findFirst().orElse(null);
    }

    /** A player of the group, loaded, with what fan-out needs of its participant. */
    private record PlayerInGroup(BasePlayer<?> player, GroupMember member, Instant expiresAt) {
    }

    /** The group's players, and the seq of the message being dispatched if the log has it already. */
    private record GroupRead(List<PlayerInGroup> players, Long loggedSeq) {
    }

    /** The refusal's text for a message from a page the participant has left (docs/protocol.md shows it). */
    static String onAnotherPage(int pageIndex, int sentFrom) {
        return "the participant is on page " + pageIndex + ", not on page " + sentFrom;
    }

    /**
     * One query, under the group's lock, for what the message needs: the group's players (the sender's, for the
     * live method, and everyone's address and page) and the duplicate check on the log's unique key (an
     * uncorrelated subquery, evaluated once). Reading the sender's page here is final for the transaction:
     * page moves take the group's lock too.
     */
    private GroupRead readGroup(App app, long groupId, long participantId, String clientId, long messageId) {
        List<Object[]> rows = em.createQuery("select p, pa.code, case when pa.visited = true then pa.indexInPages"
                        + " else -1 end, (select l.seq from LiveLogEntry l where l.participantId = :participant"
                        + " and l.clientId = :client and l.messageId = :message), pa.pageExpiresAt from "
                        + players.entityName(app.playerClass()) + " p join p.participant pa"
                        + " where p.group.id = :group order by p.idInGroup", Object[].class)
                .setParameter("group", groupId)
                .setParameter("participant", participantId)
                .setParameter("client", clientId)
                .setParameter("message", messageId)
                .getResultList();
        var inGroup = new ArrayList<PlayerInGroup>(rows.size());
        Long loggedSeq = null;
        for (Object[] row : rows) {
            BasePlayer<?> player = (BasePlayer<?>) row[0];
            inGroup.add(new PlayerInGroup(player, new GroupMember(player.getIdInGroup(), (String) row[1],
                    (Integer) row[2]), (Instant) row[4]));
            loggedSeq = row[3] == null ? loggedSeq : (Long) row[3];
        }
        return new GroupRead(inGroup, loggedSeq);
    }

    /**
     * Binds the data to the live method's type: first checked against the type, so nothing is converted
     * lossily ({@link StrictJson}), then bound by JSON-B, then checked against the type's Bean Validation
     * constraints (e.g. a currency's decimals). Anything that does not fit is bad_data, before any lock.
     */
    private Object bind(LiveProtocol.LiveMessage message, LiveMethod method) {
        JsonValue value = message.data();
        String json = message.dataJson();
        if (method.bareValueField() != null && value != null && value.getValueType() != JsonValue.ValueType.OBJECT
                && value != JsonValue.NULL) { // liveSend(99) to a record of one component: {"bid": 99}
            value = Json.createObjectBuilder().add(method.bareValueField(), value).build();
            json = value.toString();
        }
        try {
            StrictJson.check(value, method.dataType());
        } catch (StrictJson.Mismatch mismatch) {
            throw new LiveRefusal("bad_data", mismatch.getMessage());
        }
        Object data;
        try {
            data = jsonb.fromJson(json, method.dataType());
        } catch (JsonbException | IllegalArgumentException | ClassCastException e) {
            String why = rootMessage(e);
            throw new LiveRefusal("bad_data", "data does not fit " + method.dataType().getTypeName()
                    + (why == null ? "" : ": " + why));
        }
        if (data == null && method.dataType() != JsonValue.class) {
            throw new LiveRefusal("bad_data", "data must not be null");
        }
        var violations = validator.validate(data);
        if (!violations.isEmpty()) {
            throw new LiveRefusal("bad_data", violations.stream()
                    .map(v -> (v.getPropertyPath().toString().isEmpty() ? "" : v.getPropertyPath() + ": ")
                            + v.getMessage())
                    .sorted().collect(java.util.stream.Collectors.joining("; ")));
        }
        return data;
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

    /** The frames to send after the commit, and the log's record of who got what. */
    private record Fan(List<Runnable> sends, String deliveredJson) {
    }

    /**
     * Serializes each distinct payload once, inside the transaction (lazy entity fields still load); the same
     * text goes into the frames and into the log's {"id_in_group": payload, …}.
     */
    private Fan fan(List<Delivery> deliveries, int pageIndex, long seq) {
        record Serialized(String json, String frame) {
        }
        var byPayload = new IdentityHashMap<Object, Serialized>();
        var sends = new ArrayList<Runnable>(deliveries.size());
        var delivered = new StringBuilder("{");
        for (Delivery delivery : deliveries) {
            Serialized payload = byPayload.computeIfAbsent(delivery.payload(), p -> {
                String json = toJson(p);
                return new Serialized(json, LiveProtocol.liveFrame(seq, json));
            });
            sends.add(() -> connections.sendToPage(delivery.participantCode(), pageIndex, payload.frame()));
            delivered.append(delivered.length() > 1 ? "," : "").append('"').append(delivery.idInGroup())
                    .append("\":").append(payload.json());
        }
        return new Fan(sends, delivered.append('}').toString());
    }

    private String toJson(Object payload) {
        try {
            return jsonb.toJson(payload);
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

    /** The player's group is not the one the socket looked up: look it up again and retry (SocketLanes). */
    static final class GroupChanged extends RuntimeException {
        GroupChanged() {
            super("the group changed while the message waited; send it again", null, false, false);
        }
    }

    /**
     * After the transaction: fills the group's outbox slot with the frames and the ack (committed) or nothing.
     * The transaction's timeout may end it on the reaper's thread: the slot is final, so that thread sees it;
     * the rest is only read after a commit, on the committing thread.
     */
    private final class FanOut implements Synchronization {
        private final SocketLanes.Work work;
        private final GroupOutbox.Slot slot;
        private List<Runnable> frames = List.of();
        /** The message's number in the group's order (a re-send's first one); 0 for a state request. */
        private long seq;
        private LiveMessageApplied applied;

        FanOut(SocketLanes.Work work, GroupOutbox.Slot slot) {
            this.work = work;
            this.slot = slot;
        }

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status != Status.STATUS_COMMITTED) {
                outbox.complete(slot, null);
                return;
            }
            List<Runnable> committed = frames;
            long committedSeq = seq;
            outbox.complete(slot, () -> {
                committed.forEach(Runnable::run);
                work.ack(committedSeq);
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
