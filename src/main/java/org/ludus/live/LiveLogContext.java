package org.ludus.live;

import org.slf4j.MDC;

/**
 * Who a log line is about, for every line written on a live thread while it handles a socket's work: the
 * MDC, which WildFly's JSON formatter writes into each line's {@code "mdc"} (wildfly-config/json-logs.cli).
 * SLF4J's MDC is WildFly's (the logging subsystem gives it to every deployment, and it is the log manager's
 * own), so the java.util.logging lines Ludus writes carry it too. Opened around one unit of work and closed
 * after it, restoring what was there: a pooled thread's next work never sees this one's keys.
 */
final class LiveLogContext implements AutoCloseable {

    /** The session's code, as in the admin's URLs and the live-message log's {@code session_code}. */
    static final String SESSION = "ludus.session";
    /** The group's database id, the live-message log's {@code group_id}. */
    static final String GROUP = "ludus.group";
    /** The participant's code, as in their start link. */
    static final String PARTICIPANT = "ludus.participant";
    /** The page index the socket was opened for. */
    static final String PAGE = "ludus.page";
    /** The live message's id from its client (absent for a state request). */
    static final String MESSAGE = "ludus.message";

    private static final String[] KEYS = {SESSION, GROUP, PARTICIPANT, PAGE, MESSAGE};

    private final String[] previous = new String[KEYS.length];

    private LiveLogContext() {
        for (int i = 0; i < KEYS.length; i++) {
            previous[i] = MDC.get(KEYS[i]);
        }
    }

    /** The socket's work; the session and group as soon as they are known ({@code target} may be null). */
    static LiveLogContext of(LiveConnection connection, LiveProtocol.LiveMessage message, LiveTarget target) {
        var context = new LiveLogContext();
        put(PARTICIPANT, connection.participantCode());
        put(PAGE, Integer.toString(connection.pageIndex()));
        put(MESSAGE, message == null ? null : Long.toString(message.id()));
        context.target(target);
        return context;
    }

    /** Adds the session and the group, once the socket's first work has looked them up. */
    LiveLogContext target(LiveTarget target) {
        put(SESSION, target == null ? null : target.sessionCode());
        put(GROUP, target == null ? null : Long.toString(target.groupId()));
        return this;
    }

    private static void put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < KEYS.length; i++) {
            put(KEYS[i], previous[i]);
        }
    }
}
