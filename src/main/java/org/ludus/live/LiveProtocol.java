package org.ludus.live;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.ludus.JsonText;

/** The frames of the wire protocol (docs/protocol.md, version 1): parsing what clients send, writing replies. */
public final class LiveProtocol {

    /** What a client may send. */
    public sealed interface ClientFrame permits LiveMessage, Ping, StateRequest {
    }

    /**
     * A live message: {@code dataJson} is the JSON text of its data, bound later to the live method's type;
     * {@code receivedAt}, when the server read the frame (the log keeps it, to the millisecond).
     */
    public record LiveMessage(long id, JsonValue data, String dataJson, Instant receivedAt) implements ClientFrame {
    }

    public record Ping() implements ClientFrame {
    }

    /** The page asks for its state (the page's liveState), as it does on every (re)connect. */
    public record StateRequest() implements ClientFrame {
    }

    public static final String PONG = "{\"type\":\"pong\"}";

    /** The largest message id (a long; a larger number would wrap around to another id). */
    static final java.math.BigDecimal MAX_ID = java.math.BigDecimal.valueOf(Long.MAX_VALUE);

    private LiveProtocol() {
    }

    /** Parses one text frame; throws {@link LiveRefusal} with code {@code malformed} for anything else. */
    public static ClientFrame parse(String text) {
        JsonObject frame;
        try {
            frame = JsonText.readObject(text);
        } catch (RuntimeException e) { // JsonException, and the parser's own limits (e.g. nesting depth)
            throw new LiveRefusal("malformed", "a frame must be one JSON object: " + e.getMessage());
        }
        JsonValue type = frame.get("type");
        if (!(type instanceof JsonString typeName)) {
            throw new LiveRefusal("malformed", "a frame needs a \"type\"");
        }
        switch (typeName.getString()) {
            case "ping":
                return new Ping();
            case "state":
                return new StateRequest();
            case "live":
                if (!(frame.get("id") instanceof JsonNumber id) || !id.isIntegral() || id.bigDecimalValue().signum() < 1
                        || id.bigDecimalValue().compareTo(MAX_ID) > 0) {
                    throw new LiveRefusal("malformed", "a live frame needs an \"id\": an integer from 1 to " + MAX_ID);
                }
                if (!frame.containsKey("data")) {
                    throw new LiveRefusal("malformed", "a live frame needs \"data\"");
                }
                JsonValue data = frame.get("data");
                return new LiveMessage(id.longValue(), data, data.toString(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
            default:
                throw new LiveRefusal("malformed", "unknown frame type '" + typeName.getString() + "'");
        }
    }

    /** {@code seq}: the number of the committed message that produced it, in its group's commit order. */
    public static String liveFrame(long seq, String dataJson) {
        return "{\"type\":\"live\",\"seq\":" + seq + ",\"data\":" + dataJson + "}";
    }

    /** {@code seq}: the group's number of the committed message (for a re-send, the first delivery's). */
    public static String ackFrame(long id, long seq) {
        return "{\"type\":\"ack\",\"id\":" + id + ",\"seq\":" + seq + "}";
    }

    /**
     * The page's state for one socket; {@code seq}: the group's last committed message, which the state
     * includes; without data if the page has none.
     */
    public static String stateFrame(long seq, String dataJson) {
        return "{\"type\":\"state\",\"seq\":" + seq + (dataJson == null ? "" : ",\"data\":" + dataJson) + "}";
    }

    /**
     * The id of a live frame, read without parsing the rest of it (for refusing a frame the server will not
     * read): null if it has none at its top level.
     */
    public static Long idOf(String text) {
        // only ids a live frame may have: one too large would name another message
        try (var parser = JsonText.parser(text)) {
            int depth = 0;
            String key = null;
            while (parser.hasNext()) {
                switch (parser.next()) {
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT, END_ARRAY -> depth--;
                    case KEY_NAME -> key = depth == 1 ? parser.getString() : null;
                    case VALUE_NUMBER -> {
                        if (depth == 1 && "id".equals(key) && parser.isIntegralNumber()
                                && parser.getBigDecimal().compareTo(MAX_ID) <= 0) {
                            return parser.getLong();
                        }
                    }
                    default -> {
                    }
                }
            }
            return null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    public static String movedFrame(String url) {
        return JsonText.object().add("type", "moved").add("url", url).build().toString();
    }

    public static String errorFrame(Long id, String code, String message) {
        var builder = JsonText.object().add("type", "error");
        if (id == null) {
            builder.addNull("id");
        } else {
            builder.add("id", id);
        }
        return builder.add("code", code).add("message", message).build().toString();
    }
}
