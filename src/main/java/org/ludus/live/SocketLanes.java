package org.ludus.live;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ludus.ops.Metrics;

/**
 * Each socket's work, one item at a time, in the order the client sent it: a live message goes to its group's
 * lane ({@link GroupQueues}) only when the socket's previous one is done, so a socket's messages are applied
 * in id order, always, also when its player is regrouped between two of them. A socket's first item finds its
 * group with a short read on a live thread, never on the web server's threads, so pages loading at once
 * cannot tie those up waiting for a group's row lock. Work waiting here is bounded per socket and per
 * participant; refusals are final errors with the message's id.
 */
@ApplicationScoped
public class SocketLanes {

    private static final Logger LOG = Logger.getLogger(SocketLanes.class.getName());

    /** A socket's unit of work, a live message or a state request, and its answer (at most one). */
    public static final class Work {
        private final LiveConnection connection;
        private final LiveProtocol.LiveMessage message;
        /** Counts the answer, and its time since {@link #receivedNanos} (null for a state request). */
        private final Metrics metrics;
        private final long receivedNanos;
        private final AtomicBoolean answered = new AtomicBoolean();
        private final AtomicBoolean finished = new AtomicBoolean();
        /** Set once the transaction's own work is flushed: a failure after that happened in its commit. */
        private volatile boolean flushed;

        private Work(LiveConnection connection, LiveProtocol.LiveMessage message, Metrics metrics, long receivedNanos) {
            this.connection = connection;
            this.message = message;
            this.metrics = metrics;
            this.receivedNanos = receivedNanos;
        }

        /** {@code receivedNanos}: {@link System#nanoTime()} when its frame was read. */
        static Work message(LiveConnection connection, LiveProtocol.LiveMessage message, Metrics metrics,
                long receivedNanos) {
            return new Work(connection, message, metrics, receivedNanos);
        }

        static Work stateRequest(LiveConnection connection) {
            return new Work(connection, null, null, System.nanoTime());
        }

        /** The live message, or null for a state request. */
        LiveProtocol.LiveMessage message() {
            return message;
        }

        long chars() {
            return message == null ? 16 : message.dataJson().length() + 32;
        }

        void flushed() {
            flushed = true;
        }

        /** Acknowledges the message, unless it was answered already (given up as too slow, say). */
        void ack(long seq) {
            if (message != null && answered.compareAndSet(false, true)) {
                // counted first: a client that reads the answer and then the metrics finds it counted
                metrics.liveAnswered("ack", receivedNanos);
                connection.send(LiveProtocol.ackFrame(message.id(), seq));
            }
        }

        void refuse(LiveRefusal refusal) {
            if (message != null && answered.compareAndSet(false, true)) {
                metrics.liveAnswered(refusal.code(), receivedNanos);
                connection.send(LiveProtocol.errorFrame(message.id(), refusal.code(), refusal.getMessage()));
            }
        }

        private boolean finish() {
            return finished.compareAndSet(false, true);
        }

        /** The MDC of the log lines written while this work is handled. */
        LiveLogContext logContext(LiveTarget target) {
            return LiveLogContext.of(connection, message, target);
        }
    }

    @Inject
    LiveDispatcher dispatcher;

    /** Only to give live transactions their own timeout, on the live threads that begin them. */
    @Resource(lookup = "java:comp/UserTransaction")
    UserTransaction transactions;

    @Inject
    GroupQueues groupQueues;

    @Inject
    LiveConnections connections;

    /** What waits on this node: in every socket's lane, and in the groups' lanes behind them. */
    public LiveBacklog backlog() {
        int waiting = 0;
        long oldest = 0;
        long now = System.nanoTime();
        for (LiveConnection connection : (Iterable<LiveConnection>) connections.open()::iterator) {
            synchronized (connection.waiting) {
                waiting += connection.waiting.size();
                Work head = connection.waiting.peekFirst();
                if (head != null) {
                    oldest = Math.max(oldest, now - head.receivedNanos);
                }
            }
        }
        return groupQueues.backlog().plus(waiting, oldest);
    }

    /** Work taken and not finished yet, on this node: what a stopping application waits for. */
    private final AtomicInteger unfinished = new AtomicInteger();
    /** Set when the application stops: no more work is taken. */
    private volatile boolean stopping;

    /** True once the application is stopping: a live message is then refused as {@code unavailable}. */
    public boolean stopping() {
        return stopping;
    }

    /** Queues the work behind the socket's earlier work; false (nothing queued) if too much is waiting. */
    public boolean offer(LiveConnection connection, Work work) {
        ParticipantLoad load = connection.load();
        synchronized (connection.waiting) {
            if (connection.waiting.size() >= LiveLimits.QUEUED_PER_SOCKET
                    || connection.waitingChars + work.chars() > LiveLimits.QUEUED_CHARS_PER_SOCKET
                    || !load.reserve(work.chars())) {
                return false;
            }
            unfinished.incrementAndGet();
            connection.waiting.addLast(work);
            connection.waitingChars += work.chars();
            if (connection.working) {
                return true;
            }
            connection.working = true;
        }
        next(connection);
        return true;
    }

    /** Starts the socket's next work, if any. */
    private void next(LiveConnection connection) {
        Work work;
        synchronized (connection.waiting) {
            work = connection.waiting.pollFirst();
            if (work == null) {
                connection.working = false;
                return;
            }
            connection.waitingChars -= work.chars();
        }
        connection.load().release(work.chars());
        LiveTarget target = connection.target();
        if (target == null) {
            try {
                groupQueues.executor().execute(() -> findGroupThenQueue(work, false));
            } catch (RuntimeException stopped) { // the lanes' threads are gone (undeploy)
                work.refuse(unavailable());
                finish(work);
            }
        } else {
            queue(work, target, false);
        }
    }

    private void finish(Work work) {
        if (work.finish()) {
            if (unfinished.decrementAndGet() == 0 && stopping) {
                synchronized (unfinished) {
                    unfinished.notifyAll();
                }
            }
            next(work.connection);
        }
    }

    /**
     * The application is stopping (a shutdown, with or without WildFly's suspend first; an undeploy): before any
     * of its beans is destroyed, the live work already taken is finished, so a message that was received is
     * committed (or refused) while the database and the transaction manager are still there, never cut off
     * half-way. Its sockets are closed by then (WildFly's suspend closes them with 1001, which makes pages
     * reconnect): a client re-sends what has no ack and gets the ack from the live-message log. New messages are
     * refused as {@code unavailable}. Bounded by the live transaction's timeout and its grace.
     */
    void finishTakenWork(@Observes(notifyObserver = Reception.IF_EXISTS) @BeforeDestroyed(ApplicationScoped.class)
            Object stoppingApplication) {
        stopping = true;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LiveLimits.TRANSACTION_TIMEOUT_SECONDS)
                + GroupQueues.GRACE_NANOS;
        int left;
        synchronized (unfinished) {
            try {
                while ((left = unfinished.get()) > 0 && deadline - System.nanoTime() > 0) {
                    TimeUnit.NANOSECONDS.timedWait(unfinished, deadline - System.nanoTime());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            left = unfinished.get();
        }
        if (left > 0) {
            LOG.warning(left + " live messages were still unfinished when the application stopped; none of them"
                    + " was acknowledged, and their clients send them again");
        }
    }

    /** What a message gets that arrives while the application stops: not applied, to send again later. */
    static LiveRefusal unavailable() {
        return new LiveRefusal("unavailable", "the server is shutting down; nothing was changed: send it again,"
                + " with the same id, once reconnected");
    }

    private void findGroupThenQueue(Work work, boolean regrouped) {
        try (LiveLogContext context = work.logContext(null)) {
            LiveTarget target;
            try {
                timeLimited();
                target = dispatcher.lookUp(work.connection, work);
            } catch (Throwable e) { // whatever happens, the socket's lane goes on (the transaction may throw checked)
                work.refuse(refusalOf(e, work));
                finish(work);
                return;
            }
            if (target == null) { // answered already: a re-send of a committed message; or nothing to answer
                finish(work);
                return;
            }
            context.target(target);
            work.connection.target(target);
            queue(work, target, regrouped);
        }
    }

    private void queue(Work work, LiveTarget target, boolean regrouped) {
        boolean accepted;
        try {
            accepted = submit(work, target, regrouped);
        } catch (RuntimeException shuttingDown) { // the lanes' threads are gone (undeploy)
            work.refuse(unavailable());
            finish(work);
            return;
        }
        if (!accepted) {
            work.refuse(new LiveRefusal("busy", "too many messages of this group are waiting; this one was"
                    + " dropped"));
            finish(work);
        }
    }

    private boolean submit(Work work, LiveTarget target, boolean regrouped) {
        return groupQueues.submit(target.groupKey(), new GroupQueues.Task() {
            @Override
            public void run() {
                apply(work, target, regrouped);
            }

            @Override
            public void abandoned() {
                work.refuse(timedOut());
                finish(work);
            }

            @Override
            public long chars() {
                return work.chars();
            }

            @Override
            public LiveLogContext logContext() {
                return work.logContext(target);
            }
        });
    }

    /** Runs the work in its group's lane, once more if the group changed or the database asks for a retry. */
    private void apply(Work work, LiveTarget target, boolean regrouped) {
        for (int attempt = 1; ; attempt++) {
            long started = System.nanoTime();
            try {
                timeLimited();
                if (work.message() == null) {
                    dispatcher.dispatchState(work.connection, work, target);
                } else {
                    dispatcher.dispatch(work.connection, work, target);
                }
                finish(work);
                return;
            } catch (Throwable e) { // whatever happens (the commit may throw checked), the socket's lane goes on
                if (causeOf(e, LiveDispatcher.GroupChanged.class) != null && !regrouped) {
                    // regrouped (arrival order) since the socket looked its group up: once more, in the new group;
                    // the socket's next message waits for this one still
                    work.connection.target(null);
                    findGroupThenQueue(work, true);
                    return;
                }
                if (attempt == 1 && !work.flushed && retryable(e)) {
                    continue; // nothing was applied (a deadlock, a lost connection): once more, on a new one
                }
                // past the transaction's timeout, whatever broke did so because the transaction manager ended it
                work.refuse(System.nanoTime() - started >= TimeUnit.SECONDS.toNanos(LiveLimits.TRANSACTION_TIMEOUT_SECONDS)
                        ? timedOut() : refusalOf(e, work));
                finish(work);
                return;
            }
        }
    }

    private static LiveRefusal timedOut() {
        return new LiveRefusal("timeout", "the live method did not finish within "
                + LiveLimits.TRANSACTION_TIMEOUT_SECONDS + " s; its transaction was rolled back");
    }

    /** The transactions this thread begins from now on are rolled back after the live path's timeout. */
    private void timeLimited() {
        try {
            transactions.setTransactionTimeout(LiveLimits.TRANSACTION_TIMEOUT_SECONDS);
        } catch (SystemException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the sender is told about a failure. */
    private static LiveRefusal refusalOf(Throwable e, Work work) {
        LiveRefusal refusal = causeOf(e, LiveRefusal.class);
        if (refusal != null) {
            return refusal;
        }
        org.ludus.page.PageSequence.AppGone gone = causeOf(e, org.ludus.page.PageSequence.AppGone.class);
        if (gone != null) {
            return new LiveRefusal("server_error", gone.getMessage());
        }
        if (causeOf(e, LiveDispatcher.GroupChanged.class) != null) { // the group changed again during the retry
            return new LiveRefusal("server_error", "the group changed while the message waited; send it again");
        }
        if (work.flushed && !definitelyRolledBack(e)) {
            // the commit itself failed (the connection dropped during COMMIT): it may have happened or not;
            // a re-send with the same id settles it (the log's key acknowledges it, or it is applied)
            LOG.log(Level.WARNING, "a live message's commit failed; its outcome is unknown", e);
            return new LiveRefusal("outcome_unknown", "the server lost the database while committing this"
                    + " message; send it again with the same id to learn whether it was applied");
        }
        LOG.log(Level.WARNING, "live message failed", e);
        return new LiveRefusal("server_error", "the server could not handle the message; nothing was changed");
    }

    /**
     * A deadlock or serialization failure (the database rolled the transaction back), or a connection that
     * was lost (SQLSTATE class 08, e.g. after a database restart): before the flush, nothing was applied and
     * the message may run again.
     */
    static boolean retryable(Throwable e) {
        return causes(e).anyMatch(t -> t instanceof SQLException sql && sql.getSQLState() != null
                && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState())
                || sql.getSQLState().startsWith("08")));
    }

    /** A commit the database refused (a constraint checked at commit, a rollback it chose) changed nothing. */
    static boolean definitelyRolledBack(Throwable e) {
        return causes(e).anyMatch(t -> t instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("23") || sql.getSQLState().startsWith("40")));
    }

    static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        return causes(e).filter(type::isInstance).map(type::cast).findFirst().orElse(null);
    }

    /**
     * The exception, its causes, and what was suppressed along the way: the transaction manager reports a
     * failed commit as a RollbackException with the driver's exception among its suppressed ones.
     */
    static Stream<Throwable> causes(Throwable e) {
        var all = new ArrayList<Throwable>();
        var seen = java.util.Collections.newSetFromMap(new IdentityHashMap<Throwable, Boolean>());
        var pending = new ArrayDeque<Throwable>();
        pending.add(e);
        while (!pending.isEmpty() && all.size() < 64) {
            Throwable t = pending.poll();
            if (t == null || !seen.add(t)) {
                continue;
            }
            all.add(t);
            if (t.getCause() != null) {
                pending.add(t.getCause());
            }
            pending.addAll(Arrays.asList(t.getSuppressed()));
        }
        return all.stream();
    }
}
