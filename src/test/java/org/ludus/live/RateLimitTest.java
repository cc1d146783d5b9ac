package org.ludus.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RateLimitTest {

    @Test
    void aBurstIsAllowedThenFramesAreRefusedUntilTheBucketRefills() throws Exception {
        var limit = new RateLimit(1, 5); // one a second: nothing refills during this test's microseconds
        int allowed = 0;
        for (int i = 0; i < 20; i++) {
            if (limit.take()) {
                allowed++;
            }
        }
        assertEquals(5, allowed);
    }

    @Test
    void theBucketRefillsWithTime() {
        var limit = new RateLimit(1_000_000_000, 1); // a token per nanosecond
        limit.take();
        long until = System.nanoTime() + 1_000;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        assertEquals(true, limit.take());
    }
}
