package org.ludus.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.ludus.live.LiveMessageApplied;

class LiveActivityTest {

    private static LiveMessageApplied bid(String session, int amount) {
        return new LiveMessageApplied(session, "auction", 1, 1, 1, "BidPage", "{\"bid\":" + amount + "}", Instant.now());
    }

    @Test
    void onlyTheRecentlyActiveSessionsAreKept() {
        var activity = new LiveActivity();
        for (int i = 0; i < LiveActivity.MAX_SESSIONS + 50; i++) {
            activity.onApplied(bid("s" + i, i));
        }
        assertEquals(LiveActivity.MAX_SESSIONS, activity.sessions(), "a node's memory does not grow with every session");
        assertEquals(0, activity.of("s0").size(), "the least recently active went first");
        assertEquals(1, activity.of("s" + (LiveActivity.MAX_SESSIONS + 49)).size());
    }

    @Test
    void eachSessionKeepsItsLastPoints() {
        var activity = new LiveActivity();
        for (int i = 0; i < LiveActivity.MAX_POINTS + 10; i++) {
            activity.onApplied(bid("s", i));
        }
        assertEquals(LiveActivity.MAX_POINTS, activity.of("s").size());
        assertEquals(10.0, activity.of("s").get(0).y());
    }
}
