package org.ludus.live;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One lane of live messages per group on this node, worked off one message at a time. The database lock
 * still serializes a group (across nodes too); this keeps a node from spending its threads and database
 * connections on messages that would only wait for that lock, so busy groups do not hold up the others.
 * <ul>
 * <li>A lane holds at most {@link LiveLimits#QUEUED_PER_GROUP} messages and {@link LiveLimits#QUEUED_CHARS_PER_GROUP}
 * characters; {@link #submit} refuses more.</li>
 * <li>A message that runs past the live transaction's timeout (plus a grace) is given up: its sender is told,
 * its thread interrupted and replaced, and the lane goes on without it. The transaction's timeout has rolled
 * it back by then, which released the group's row lock.</li>
 * <li>An idle lane is removed, so the map does not grow with every group that ever sent a message.</li>
 * </ul>
 */
@ApplicationScoped
public class GroupQueues {

    private static final Logger LOG = Logger.getLogger(GroupQueues.class.getName());

    /** Messages worked off per group before its thread moves on to other groups' lanes (fairness). */
    static final int TURN = 16;

    /** How far past the transaction's timeout a message may run before its lane gives it up. */
    static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);

    /** A message's work in its group's lane. */
    public interface Task {
        void run();

        /** The task ran too long and was given up (its thread may still be inside it). */
        void abandoned();

        /** What it holds in memory, in characters (its frame's text). */
        long chars();

        /** The MDC of the lines logged while it runs or is given up. */
        LiveLogContext logContext();
    }

    /** A task and when it was queued (for the operators' "is live work keeping up", org.ludus.ops). */
    private record Queued(Task task, long queuedAt) {
    }

    private static final class Lane {
        final String key;
        final ArrayDeque<Queued> tasks = new ArrayDeque<>();
        long chars;
        boolean scheduled;
        /** A drain of an older generation was given up with its stuck task: it must not touch the lane again. */
        long generation;
        Task running;
        Thread runner;
        long runningSince;

        Lane(String key) {
            this.key = key;
        }

        boolean idle() {
            return tasks.isEmpty() && !scheduled;
        }
    }

    @Resource
    ManagedThreadFactory threadFactory;

    private ThreadPoolExecutor executor;
    private ScheduledExecutorService watchdog;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    /** Threads given up with a stuck task, replaced by as many new ones (up to THREADS more). */
    private int stuckThreads;

    @PostConstruct
    void start() {
        executor = new ThreadPoolExecutor(LiveLimits.THREADS, LiveLimits.THREADS, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threadFactory);
        watchdog = new ScheduledThreadPoolExecutor(1, threadFactory);
        watchdog.scheduleWithFixedDelay(this::giveUpOverdueTasks, 1, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        watchdog.shutdownNow();
        executor.shutdown();
    }

    /** For work that belongs to no lane yet (a socket's first look-up): never on the web server's threads. */
    Executor executor() {
        return executor;
    }

    /**
     * Runs {@code task} after every task submitted before it for the same group; false (nothing queued) if the
     * group's lane is full.
     */
    public boolean submit(String groupKey, Task task) {
        boolean[] accepted = {false};
        boolean[] schedule = {false};
        // inside compute: a lane being removed as idle cannot swallow the new task
        Lane lane = lanes.compute(groupKey, (key, existing) -> {
            Lane l = existing != null ? existing : new Lane(key);
            synchronized (l) {
                if (l.tasks.size() < LiveLimits.QUEUED_PER_GROUP
                        && l.chars + task.chars() <= LiveLimits.QUEUED_CHARS_PER_GROUP) {
                    l.tasks.addLast(new Queued(task, System.nanoTime()));
                    l.chars += task.chars();
                    accepted[0] = true;
                    schedule[0] = !l.scheduled;
                    l.scheduled = true;
                }
            }
            return l;
        });
        if (schedule[0]) {
            long generation;
            synchronized (lane) {
                generation = lane.generation;
            }
            executor.execute(() -> drain(lane, generation));
        }
        removeIfIdle(lane);
        return accepted[0];
    }

    private void drain(Lane lane, long generation) {
        for (int done = 0; done < TURN; done++) {
            Task task;
            synchronized (lane) {
                if (lane.generation != generation) {
                    return; // a newer drain owns the lane
                }
                Queued next = lane.tasks.pollFirst();
                if (next == null) {
                    lane.scheduled = false;
                    lane.running = null;
                    break;
                }
                task = next.task();
                lane.chars -= task.chars();
                lane.running = task;
                lane.runner = Thread.currentThread();
                lane.runningSince = System.nanoTime();
            }
            try (LiveLogContext context = task.logContext()) {
                try {
                    task.run();
                } catch (Throwable e) { // whatever a task throws, the lane goes on
                    LOG.log(Level.WARNING, "a queued live message failed", e);
                }
            }
            synchronized (lane) {
                if (lane.generation != generation) {
                    returnedFromStuckTask();
                    Thread.interrupted(); // the interrupt that gave it up must not reach the pool's next task
                    return;
                }
                lane.running = null;
            }
        }
        boolean more;
        synchronized (lane) {
            more = lane.scheduled;
        }
        if (more) {
            executor.execute(() -> drain(lane, generation)); // back of the line, after other groups
        } else {
            removeIfIdle(lane);
        }
    }

    /** What waits in the group lanes, read lane by lane (each consistent in itself; the sum is a moment's). */
    LiveBacklog backlog() {
        int queued = 0;
        long oldest = 0;
        long now = System.nanoTime();
        for (Lane lane : lanes.values()) {
            synchronized (lane) {
                queued += lane.tasks.size();
                Queued head = lane.tasks.peekFirst();
                if (head != null) {
                    oldest = Math.max(oldest, now - head.queuedAt());
                }
            }
        }
        synchronized (this) {
            return new LiveBacklog(queued, oldest, stuckThreads, LiveLimits.THREADS);
        }
    }

    private void removeIfIdle(Lane lane) {
        lanes.computeIfPresent(lane.key, (key, current) -> {
            synchronized (current) {
                return current == lane && current.idle() ? null : current;
            }
        });
    }

    /** Gives up tasks that outlived the live transaction's timeout, and goes on with their lanes. */
    private void giveUpOverdueTasks() {
        long limit = TimeUnit.SECONDS.toNanos(LiveLimits.TRANSACTION_TIMEOUT_SECONDS) + GRACE_NANOS;
        long now = System.nanoTime();
        for (Lane lane : List.copyOf(lanes.values())) {
            Task stuck;
            long generation;
            synchronized (lane) {
                if (lane.running == null || now - lane.runningSince < limit) {
                    continue;
                }
                stuck = lane.running;
                lane.runner.interrupt();
                lane.running = null;
                generation = ++lane.generation;
            }
            try (LiveLogContext context = stuck.logContext()) {
                LOG.warning("a live message of " + lane.key + " ran for more than "
                        + LiveLimits.TRANSACTION_TIMEOUT_SECONDS + " s; its lane goes on without it");
                replaceStuckThread();
                try {
                    stuck.abandoned();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "telling a sender its message was given up failed", e);
                }
            }
            executor.execute(() -> drain(lane, generation));
        }
    }

    private synchronized void replaceStuckThread() {
        if (stuckThreads >= LiveLimits.THREADS) {
            LOG.severe(stuckThreads + " live threads are stuck in live methods; no more are replaced");
            return;
        }
        stuckThreads++;
        executor.setMaximumPoolSize(LiveLimits.THREADS + stuckThreads);
        executor.setCorePoolSize(LiveLimits.THREADS + stuckThreads);
    }

    private synchronized void returnedFromStuckTask() {
        if (stuckThreads > 0) {
            stuckThreads--;
            executor.setCorePoolSize(LiveLimits.THREADS + stuckThreads);
            executor.setMaximumPoolSize(LiveLimits.THREADS + stuckThreads);
        }
    }
}
