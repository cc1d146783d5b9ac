package org.ludus.bots;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.ludus.JsonText;

/**
 * One participant's live page as a program: protocol v1 (docs/protocol.md) over a {@link LiveSocket}.
 * {@link #send} returns a future that completes when the server acknowledges (or refuses) the message.
 */
public final class LivePlayer implements AutoCloseable {

    private static final Jsonb JSONB = JsonbBuilder.create();

    /** The server's answer to one live message. */
    public record Answer(long id, String errorCode, String message) {
        public boolean ok() {
            return errorCode == null;
        }
    }

    private final String participantCode;
    private final int pageIndex;
    private final LiveSocket socket;
    private final AtomicLong nextId = new AtomicLong(1);
    private final Map<Long, CompletableFuture<Answer>> pending = new ConcurrentHashMap<>();

    private LivePlayer(HttpClient http, URI base, String participantCode, int pageIndex,
            Consumer<JsonValue> onLive) {
        this.participantCode = participantCode;
        this.pageIndex = pageIndex;
        String clientId = UUID.randomUUID().toString().replace("-", "");
        this.socket = LiveSocket.open(http, LiveSocket.liveUri(base, participantCode, pageIndex, clientId),
                new LiveSocket.Listener() {
                    @Override
                    public void onFrame(String text) {
                        receive(text, onLive);
                    }

                    @Override
                    public void onClose(int code, String reason) {
                        pending.values().forEach(f -> f.completeExceptionally(
                                new IllegalStateException("socket closed: " + code + " " + reason)));
                    }
                });
    }

    /** Opens the socket of the participant's page; {@code onLive} gets the data of every live frame. */
    public static LivePlayer connect(HttpClient http, URI base, String participantCode, int pageIndex,
            Consumer<JsonValue> onLive) {
        return new LivePlayer(http, base, participantCode, pageIndex, onLive);
    }

    public String participantCode() {
        return participantCode;
    }

    public int pageIndex() {
        return pageIndex;
    }

    /** Sends {@code data} (anything JSON-B writes) as a live message. */
    public CompletableFuture<Answer> send(Object data) {
        return sendJson(JSONB.toJson(data));
    }

    public CompletableFuture<Answer> sendJson(String dataJson) {
        long id = nextId.getAndIncrement();
        var answer = new CompletableFuture<Answer>();
        pending.put(id, answer);
        socket.send("{\"type\":\"live\",\"id\":" + id + ",\"data\":" + dataJson + "}");
        return answer;
    }

    public void ping() {
        socket.send("{\"type\":\"ping\"}");
    }

    private void receive(String text, Consumer<JsonValue> onLive) {
        JsonObject frame = JsonText.readObject(text);
        switch (frame.getString("type", "")) {
            case "live" -> onLive.accept(frame.get("data"));
            case "ack" -> answer(frame, null, null);
            case "error" -> answer(frame, frame.getString("code", "?"), frame.getString("message", ""));
            default -> {
                // pong, or a frame type of a later protocol version
            }
        }
    }

    private void answer(JsonObject frame, String code, String message) {
        if (frame.get("id") instanceof jakarta.json.JsonNumber id) {
            CompletableFuture<Answer> waiting = pending.remove(id.longValue());
            if (waiting != null) {
                waiting.complete(new Answer(id.longValue(), code, message));
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
