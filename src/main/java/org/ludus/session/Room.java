package org.ludus.session;

/**
 * A room, defined in Java like a session config (a CDI producer returning one): a fixed link,
 * /room/{name}, for a lab or a panel, where each session in turn is opened. With a participant label file
 * (one label per line, on the class path), only those labels get in, and a label always returns to the
 * same participant.
 * <p>
 * Who may take a seat (README, "Rooms: who may take a seat"): with a password ({@link #withPassword}, or the
 * setting {@code LUDUS_ROOM_<NAME>_PASSWORD}), only a browser that gives it, or that already holds its seat's
 * cookie, gets a participant; so a script cannot empty the room and a label cannot be taken over from another
 * browser. Without one, new seats are limited per client address and minute
 * ({@link #withNewSeatsPerAddressPerMinute}, default {@code LUDUS_ROOM_NEW_SEATS_PER_MINUTE}, 3).
 *
 * @param password null: none
 * @param newSeatsPerAddressPerMinute null: the default (none for a room with a password); 0: no limit
 */
public record Room(String name, String displayName, String participantLabelFile, String password,
        Integer newSeatsPerAddressPerMinute) {

    public Room {
        if (name == null || !name.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("a room name is 1-64 letters, digits, '_' or '-': " + name);
        }
        if (password != null && password.isBlank()) {
            throw new IllegalArgumentException("room '" + name + "': an empty password would let everyone in");
        }
        if (newSeatsPerAddressPerMinute != null && newSeatsPerAddressPerMinute < 0) {
            throw new IllegalArgumentException("room '" + name + "': new seats per minute cannot be negative");
        }
    }

    public static Room of(String name, String displayName) {
        return new Room(name, displayName, null, null, null);
    }

    /** {@code resource}: a class-path resource, e.g. "rooms/econ_lab.txt" under src/main/resources. */
    public Room withParticipantLabelFile(String resource) {
        return new Room(name, displayName, resource, password, newSeatsPerAddressPerMinute);
    }

    /** Prefer the setting {@code LUDUS_ROOM_<NAME>_PASSWORD}, which keeps the password out of the source. */
    public Room withPassword(String roomPassword) {
        return new Room(name, displayName, participantLabelFile, roomPassword, newSeatsPerAddressPerMinute);
    }

    /** 0: no limit (a lab whose computers share one address, behind a password). */
    public Room withNewSeatsPerAddressPerMinute(int seats) {
        return new Room(name, displayName, participantLabelFile, password, seats);
    }

    /** The same room with the password the deployment's settings give it, if they give one. */
    Room withPasswordFromSettings() {
        String settingName = name.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        return org.ludus.Settings.text("ludus.room." + name + ".password", "LUDUS_ROOM_" + settingName + "_PASSWORD")
                .map(this::withPassword).orElse(this);
    }
}
