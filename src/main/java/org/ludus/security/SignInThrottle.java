package org.ludus.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Slows down guessing: after {@value #FREE_FAILURES} failed sign-ins (or wrong REST keys) for one key, a user
 * name or a client address, the next attempt for that key is not even checked until a delay has passed, which
 * doubles with each further failure (1 s, 2 s, 4 s … at most {@value #MAX_DELAY_SECONDS} s). Refused attempts
 * do not count. A success clears its keys; a key is forgotten {@value #FORGET_AFTER_MINUTES} minutes after its
 * last failure. Per server (in a cluster, per node).
 * <p>
 * A name's delay also applies to its owner, so an attacker can slow a known user down; a delay, not a
 * lock-out, keeps that to seconds, and the address key stops one address from trying many names.
 */
@ApplicationScoped
public class SignInThrottle {

    static final int FREE_FAILURES = 3;
    static final long MAX_DELAY_SECONDS = 300;
    static final long FORGET_AFTER_MINUTES = 15;
    static final int MAX_KEYS = 100_000;

    private record Failures(int count, long lastMillis) {
    }

    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();
    private final LongSupplier clock;
    private volatile long lastSweep;

    public SignInThrottle() {
        this(System::currentTimeMillis);
    }

    SignInThrottle(LongSupplier clock) {
        this.clock = clock;
        this.lastSweep = clock.getAsLong();
    }

    /** Seconds until an attempt for all these keys may be checked (rounded up); 0: now. */
    public long secondsToWait(String... keys) {
        long now = clock.getAsLong();
        long waitMillis = 0;
        for (String key : keys) {
            Failures f = failures.get(key);
            if (f != null) {
                waitMillis = Math.max(waitMillis, f.lastMillis() + delayMillis(f.count()) - now);
            }
        }
        return waitMillis <= 0 ? 0 : (waitMillis + 999) / 1000;
    }

    /**
     * Before checking a credential: 0 if it may be checked now, and then the attempt already counts as a failure
     * until {@link #succeeded} clears it; else the seconds to wait, and nothing is counted. Check and count are
     * one step, so parallel guesses cannot all pass the check before the first failure is counted.
     */
    public synchronized long attempt(String... keys) {
        long wait = secondsToWait(keys);
        if (wait == 0) {
            failed(keys);
        }
        return wait;
    }

    public synchronized void failed(String... keys) {
        long now = clock.getAsLong();
        if (failures.size() >= MAX_KEYS || now - lastSweep > FORGET_AFTER_MINUTES * 60_000) {
            lastSweep = now; // forgotten keys are dropped at least every 15 minutes, not only when the map is full
            failures.values().removeIf(f -> now - f.lastMillis() > FORGET_AFTER_MINUTES * 60_000);
        }
        if (failures.size() >= MAX_KEYS) {
            makeRoom();
        }
        for (String key : keys) {
            failures.merge(key, new Failures(1, now), (old, one) ->
                    new Failures(now - old.lastMillis() > FORGET_AFTER_MINUTES * 60_000 ? 1 : old.count() + 1, now));
        }
    }

    /**
     * A flood of {@value #MAX_KEYS} keys within 15 minutes (e.g. a new user name for every guess): keys below
     * {@value #FREE_FAILURES} failures, which slow nothing down, go first; if that is not enough, the half that
     * failed longest ago. New keys are always counted, so a flood cannot switch the throttle off.
     */
    private void makeRoom() {
        failures.values().removeIf(f -> f.count() < FREE_FAILURES);
        if (failures.size() >= MAX_KEYS / 2) {
            long[] times = failures.values().stream().mapToLong(Failures::lastMillis).sorted().toArray();
            long median = times[times.length / 2];
            failures.values().removeIf(f -> f.lastMillis() < median);
        }
    }

    public synchronized void succeeded(String... keys) {
        for (String key : keys) {
            failures.remove(key);
        }
    }

    static long delayMillis(int failureCount) {
        if (failureCount < FREE_FAILURES) {
            return 0;
        }
        int doublings = Math.min(failureCount - FREE_FAILURES, 20);
        return Math.min(1000L << doublings, MAX_DELAY_SECONDS * 1000);
    }

    /** A user name's key: at most 200 characters of it, so a megabyte of name costs no megabyte here. */
    public static String user(String name) {
        String key = name.strip().toLowerCase(java.util.Locale.ROOT);
        return "user " + (key.length() > 200 ? key.substring(0, 200) : key);
    }

    public static String address(String remoteAddress) {
        return "address " + remoteAddress;
    }

    public static String restKeyFrom(String remoteAddress) {
        return "rest-key " + remoteAddress;
    }
}
