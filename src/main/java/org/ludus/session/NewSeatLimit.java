package org.ludus.session;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.ludus.Settings;

/**
 * How many new seats (participants handed out for the first time) one client address may take per minute in
 * one room or through one session-wide link, so a script cannot empty a session in a few requests. A fixed
 * one-minute window per key: at most twice the limit across a window's edge, which is enough to stop a
 * script and never blocks a person (returning to one's own seat is not a new seat). Per server: in a cluster
 * each node counts its own.
 * <p>
 * The counts of a minute are dropped when the next begins, and at most {@value #MAX_KEYS} keys are kept in
 * one minute; beyond that (a flood from many addresses) no one gets a new seat until the minute ends.
 */
@ApplicationScoped
public class NewSeatLimit {

    static final int MAX_KEYS = 100_000;
    public static final int DEFAULT_PER_MINUTE = Settings.number("ludus.room.new.seats.per.minute",
            "LUDUS_ROOM_NEW_SEATS_PER_MINUTE", 3, 0, 1_000_000);

    private final ConcurrentHashMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private long window;

    /** Counts a new seat for {@code key}; false if it would be more than {@code perMinute} (0: no limit). */
    public boolean take(String key, int perMinute) {
        if (perMinute == 0) {
            return true;
        }
        startWindow(System.currentTimeMillis() / 60_000);
        if (counts.size() >= MAX_KEYS && !counts.containsKey(key)) {
            return false;
        }
        AtomicInteger count = counts.computeIfAbsent(key, k -> new AtomicInteger());
        if (count.incrementAndGet() > perMinute) {
            count.decrementAndGet(); // a refused seat is not counted: the limit is on seats taken
            return false;
        }
        return true;
    }

    private synchronized void startWindow(long minute) {
        if (minute != window) {
            window = minute;
            counts.clear();
        }
    }

    /** The limit of a room: its own, else none behind a password, else the server's default. */
    public static int perMinute(Room room) {
        if (room.newSeatsPerAddressPerMinute() != null) {
            return room.newSeatsPerAddressPerMinute();
        }
        return room.password() != null ? 0 : DEFAULT_PER_MINUTE;
    }
}
