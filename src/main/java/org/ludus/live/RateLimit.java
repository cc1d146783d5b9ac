package org.ludus.live;

/** A token bucket: {@code burst} tokens at once, refilled at {@code perSecond}; frames or characters. */
final class RateLimit {

    private final double perNano;
    private final double burst;
    private double tokens;
    private long last = System.nanoTime();

    RateLimit(long perSecond, long burst) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
    }

    synchronized boolean take() {
        return take(1);
    }

    /** Takes {@code amount} tokens if there are that many; false (and takes none) if not. */
    synchronized boolean take(long amount) {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
        if (tokens < amount) {
            return false;
        }
        tokens -= amount;
        return true;
    }
}
