package org.ludus.live;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps a group's fan-out in commit order. A transaction takes a {@link Slot} while it holds the group's row
 * lock, so slots are in lock order, which is commit order. After the transaction ends its slot is filled
 * (committed: the frames to send) or voided (rolled back), and frames leave strictly slot by slot. Without
 * this, two transactions that commit one after the other could have their threads send in the other order.
 */
@ApplicationScoped
public class GroupOutbox {

    /** A place in a group's send order; {@code frames} runs when every earlier slot of the group is done. */
    public static final class Slot {
        private final Queue queue;
        private Runnable frames;
        private boolean done;

        private Slot(Queue queue) {
            this.queue = queue;
        }
    }

    private static final class Queue {
        private final String key;
        private final ArrayDeque<Slot> slots = new ArrayDeque<>();

        private Queue(String key) {
            this.key = key;
        }
    }

    private static final Logger LOG = Logger.getLogger(GroupOutbox.class.getName());

    private final Map<String, Queue> queues = new ConcurrentHashMap<>();

    /** Call only while holding the group's lock. */
    public Slot reserve(String groupKey) {
        Slot[] reserved = new Slot[1];
        // inside compute: a queue being removed as empty cannot take the new slot with it
        queues.compute(groupKey, (key, existing) -> {
            Queue queue = existing != null ? existing : new Queue(key);
            synchronized (queue) {
                reserved[0] = new Slot(queue);
                queue.slots.addLast(reserved[0]);
            }
            return queue;
        });
        return reserved[0];
    }

    /** Fills the slot ({@code frames} may be null for nothing to send) and sends everything now in order. */
    public void complete(Slot slot, Runnable frames) {
        Queue queue = slot.queue;
        boolean empty;
        synchronized (queue) {
            slot.frames = frames;
            slot.done = true;
            // sending only queues frames on each socket (non-blocking), so doing it under the lock is cheap
            while (!queue.slots.isEmpty() && queue.slots.peekFirst().done) {
                Slot head = queue.slots.pollFirst();
                if (head.frames != null) {
                    try {
                        head.frames.run();
                    } catch (RuntimeException e) { // one failing send must not stall the group's later slots
                        LOG.log(Level.WARNING, "sending a committed live message failed", e);
                    }
                }
            }
            empty = queue.slots.isEmpty();
        }
        if (empty) { // a group that is quiet keeps nothing here
            queues.computeIfPresent(queue.key, (key, current) -> {
                synchronized (current) {
                    return current == queue && current.slots.isEmpty() ? null : current;
                }
            });
        }
    }

    /** Groups with slots pending (for tests: a quiet node holds none). */
    int size() {
        return queues.size();
    }
}
