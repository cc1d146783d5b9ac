package org.ludus.session;

/**
 * A room, defined in Java like a session config (a CDI producer returning one): a fixed link,
 * /room/{name}, for a lab or a panel, where each session in turn is opened. With a participant label file
 * (one label per line, on the class path), only those labels get in, and a label always returns to the
 * same participant.
 */
public record Room(String name, String displayName, String participantLabelFile) {

    public Room {
        if (name == null || !name.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("a room name is 1-64 letters, digits, '_' or '-': " + name);
        }
    }

    public static Room of(String name, String displayName) {
        return new Room(name, displayName, null);
    }

    /** {@code resource}: a class-path resource, e.g. "rooms/econ_lab.txt" under src/main/resources. */
    public Room withParticipantLabelFile(String resource) {
        return new Room(name, displayName, resource);
    }
}
