package org.ludus.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final SignInThrottle throttle = new SignInThrottle(now::get);

    @Test
    void threeFailuresAreFreeThenTheDelayDoubles() {
        for (int i = 0; i < 2; i++) {
            throttle.failed("user a");
            assertEquals(0, throttle.secondsToWait("user a"));
        }
        throttle.failed("user a");
        assertEquals(1, throttle.secondsToWait("user a"), "after the third failure: 1 s");
        now.addAndGet(1000);
        assertEquals(0, throttle.secondsToWait("user a"));
        throttle.failed("user a");
        assertEquals(2, throttle.secondsToWait("user a"));
        now.addAndGet(2000);
        throttle.failed("user a");
        assertEquals(4, throttle.secondsToWait("user a"));
        assertEquals(0, throttle.secondsToWait("user b"), "other keys are not slowed down");
        assertEquals(4, throttle.secondsToWait("user b", "user a"), "the longest wait of the keys");
    }

    @Test
    void aHugeUserNameMakesAShortKey() {
        assertEquals(SignInThrottle.user("x".repeat(200)), SignInThrottle.user("x".repeat(1 << 20)));
        assertEquals("user alice", SignInThrottle.user(" Alice "));
    }

    @Test
    void theDelayIsBoundedASuccessClearsItAndOldFailuresAreForgotten() {
        for (int i = 0; i < 40; i++) {
            throttle.failed("address x");
        }
        assertEquals(SignInThrottle.MAX_DELAY_SECONDS, throttle.secondsToWait("address x"));
        throttle.succeeded("address x");
        assertEquals(0, throttle.secondsToWait("address x"));

        for (int i = 0; i < 5; i++) {
            throttle.failed("user c");
        }
        now.addAndGet(SignInThrottle.FORGET_AFTER_MINUTES * 60_000 + 1);
        throttle.failed("user c");
        assertEquals(0, throttle.secondsToWait("user c"), "a failure long after the others counts as the first");
    }

    @Test
    void anAttemptCountsBeforeItsOutcomeIsKnown() {
        // four guesses sent at once: each is counted when it is let through, so the fourth waits
        for (int i = 0; i < 3; i++) {
            assertEquals(0, throttle.attempt("address p"), "guess " + (i + 1));
        }
        assertEquals(1, throttle.attempt("address p"), "the fourth, before any outcome is known");
        throttle.succeeded("address p");
        assertEquals(0, throttle.attempt("address p"), "a success clears what its attempt counted");
    }

    @Test
    void aFloodOfNewKeysDoesNotSwitchTheThrottleOff() {
        for (int i = 0; i < SignInThrottle.MAX_KEYS; i++) {
            throttle.failed("user flood" + i); // one failure each: slows nothing down
        }
        for (int i = 0; i < 4; i++) {
            throttle.failed("address q");
        }
        assertEquals(2, throttle.secondsToWait("address q"), "a key first seen with the map full is counted");
    }
}
