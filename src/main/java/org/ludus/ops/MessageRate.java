package org.ludus.ops;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * Events per second over the last {@link #SECONDS} whole seconds, for operators who read {@code /metrics}
 * without a Prometheus to compute {@code rate()}: a small ring with one count per second, each slot started
 * afresh when its second comes round again.
 */
final class MessageRate {

    static final int SECONDS = 10;

    /** A slot holds the second it counts (epoch seconds, 34 bits) and its count (30 bits) in one long. */
    private static final int COUNT_BITS = 30;
    private static final long COUNT_MASK = (1L << COUNT_BITS) - 1;

    private final AtomicLongArray slots = new AtomicLongArray(SECONDS + 1);
    private final LongSupplier millis;

    MessageRate() {
        this(System::currentTimeMillis);
    }

    MessageRate(LongSupplier millis) {
        this.millis = millis;
    }

    void add() {
        long second = millis.getAsLong() / 1000;
        slots.updateAndGet(slot(second), v -> v >>> COUNT_BITS == second ? v + 1 : second << COUNT_BITS | 1);
    }

    /** The mean over the last {@link #SECONDS} complete seconds (the current one is still counting). */
    double perSecond() {
        long now = millis.getAsLong() / 1000;
        long sum = 0;
        for (long second = now - SECONDS; second < now; second++) {
            long v = slots.get(slot(second));
            if (v >>> COUNT_BITS == second) {
                sum += v & COUNT_MASK;
            }
        }
        return (double) sum / SECONDS;
    }

    private int slot(long second) {
        return (int) (second % slots.length());
    }
}
