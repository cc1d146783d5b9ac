package org.ludus.live;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One queue of live messages per group on this node, worked off one message at a time. The database lock
 * still serializes a group (across nodes too); this keeps a node from spending its threads and database
 * connections on messages that would only wait for that lock, so busy groups do not hold up the others.
 */
@ApplicationScoped
public class GroupQueues {

    private static final Logger LOG = Logger.getLogger(GroupQueues.class.getName());

    /** Messages worked off per group before its thread moves on to other groups' queues (fairness). */
    static final int TURN = 16;

    static final int THREADS = Integer.getInteger("ludus.live.threads", 24);

    private static final class Queue {
        private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
        private boolean scheduled;
    }

    @Resource
    ManagedThreadFactory threadFactory;

    private ExecutorService executor;
    private final Map<String, Queue> queues = new ConcurrentHashMap<>();

    @PostConstruct
    void start() {
        executor = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                threadFactory);
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
    }

    /** Runs {@code task} after every task submitted before it for the same group. */
    public void submit(String groupKey, Runnable task) {
        Queue queue = queues.computeIfAbsent(groupKey, key -> new Queue());
        boolean schedule;
        synchronized (queue) {
            queue.tasks.addLast(task);
            schedule = !queue.scheduled;
            queue.scheduled = true;
        }
        if (schedule) {
            executor.execute(() -> drain(queue));
        }
    }

    private void drain(Queue queue) {
        for (int done = 0; done < TURN; done++) {
            Runnable task;
            synchronized (queue) {
                task = queue.tasks.pollFirst();
                if (task == null) {
                    queue.scheduled = false;
                    return;
                }
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a queued live message failed", e);
            }
        }
        executor.execute(() -> drain(queue)); // still scheduled: back of the line, after other groups
    }
}
