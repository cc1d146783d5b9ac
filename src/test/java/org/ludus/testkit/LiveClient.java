package org.ludus.testkit;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.ludus.bots.LiveSocket;

/**
 * A live socket for tests: every frame the server sends, in a queue to wait on, and raw frames out (so
 * tests can send malformed ones). The transport is the bots' {@link LiveSocket}.
 */
public final class LiveClient implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(30);
    private static final Jsonb JSONB = JsonbBuilder.create();
    /** One HTTP client for every test socket: a test may hold hundreds. */
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** How the server closed the socket. */
    public record Closed(int code, String reason) {
    }

    private final BlockingDeque<JsonObject> frames = new LinkedBlockingDeque<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final LiveSocket socket;
    private long nextId = 1;

    private LiveClient(URI uri) {
        socket = LiveSocket.open(HTTP, uri, new LiveSocket.Listener() {
            @Override
            public void onFrame(String text) {
                frames.add(LudusApi.json(text));
            }

            @Override
            public void onClose(int code, String reason) {
                closed.complete(new Closed(code, reason));
            }
        });
    }

    public static LiveClient connect(URI httpBase, String participantCode, int pageIndex) {
        return connect(httpBase, "/live/" + participantCode + "/" + pageIndex + "?client="
                + UUID.randomUUID().toString().replace("-", ""));
    }

    public static LiveClient connect(URI httpBase, String pathAndQuery) {
        return new LiveClient(LiveSocket.wsUri(httpBase, pathAndQuery));
    }

    /** Sends {@code data} as a live message; returns its id. */
    public synchronized long send(Object data) {
        return sendData(JSONB.toJson(data));
    }

    /** Sends a live message whose data is the JSON text {@code dataJson} as it is (e.g. {@code "99.001"}). */
    public synchronized long sendData(String dataJson) {
        long id = nextId++;
        sendRaw("{\"type\":\"live\",\"id\":" + id + ",\"data\":" + dataJson + "}");
        return id;
    }

    /** Sends any text frame as it is (for malformed input). */
    public synchronized void sendRaw(String text) {
        socket.send(text).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    /** Sends a frame without waiting for it to leave (frames still leave in order): for floods. */
    public synchronized CompletableFuture<?> sendRawAsync(String text) {
        return socket.send(text);
    }

    /**
     * Asserts that no frame is on its way to this page: asks for the page's state, which the server answers
     * after everything sent to this socket before, and expects the answer next. (Waiting some time for a frame
     * that must not come would pass if it only came later.)
     */
    public JsonObject assertNothingBeforeState() {
        sendRaw("{\"type\":\"state\"}");
        JsonObject frame = next();
        // right after a flood, the socket's rate limit may refuse the request itself (its answer, id null):
        // asked again until a token is free. (A stray extra rate_limited answer would go unnoticed here.)
        while ("error".equals(frame.getString("type")) && "rate_limited".equals(frame.getString("code"))
                && frame.isNull("id")) {
            sendRaw("{\"type\":\"state\"}");
            frame = next();
        }
        // a page its participant has left answers with where they are instead
        if (!"state".equals(frame.getString("type")) && !"moved".equals(frame.getString("type"))) {
            throw new AssertionError("a frame arrived that should not have: " + frame);
        }
        return frame;
    }

    /** The next frame, failing the test if none comes in time. */
    public JsonObject next() {
        try {
            JsonObject frame = frames.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (frame == null) {
                throw new AssertionError("no frame within " + WAIT);
            }
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Frames up to and including the first that matches. */
    public List<JsonObject> until(Predicate<JsonObject> last) {
        var seen = new ArrayList<JsonObject>();
        while (true) {
            JsonObject frame = next();
            seen.add(frame);
            if (last.test(frame)) {
                return seen;
            }
        }
    }

    /** Frames up to and including the ack (or error) of message {@code id}. */
    public List<JsonObject> untilAnswer(long id) {
        return until(frame -> isAnswerTo(frame, id));
    }

    /**
     * Sends {@code data} as a live message and returns what its live method sent to this page: the data of the
     * live frame that carries the message's own {@code seq} (its ack's), or null if it sent this page nothing.
     * Frames of other players' messages that arrived meanwhile are not taken: they stay queued, in order, for
     * {@link #next()}. An error answer fails the test with the server's code and message.
     */
    public JsonValue reply(Object data) {
        long id = send(data);
        List<JsonObject> seen = untilAnswer(id);
        JsonObject answer = seen.get(seen.size() - 1);
        if ("error".equals(answer.getString("type"))) {
            throw new AssertionError("message " + id + " was refused: " + answer);
        }
        long seq = answer.getJsonNumber("seq").longValue();
        JsonValue own = null;
        var others = new ArrayList<JsonObject>();
        for (JsonObject frame : seen.subList(0, seen.size() - 1)) {
            if ("live".equals(frame.getString("type")) && frame.getJsonNumber("seq").longValue() == seq) {
                own = frame.get("data");
            } else {
                others.add(frame);
            }
        }
        for (int i = others.size() - 1; i >= 0; i--) {
            frames.addFirst(others.get(i)); // they came before anything still queued
        }
        return own;
    }

    /** The data of the next frame, which must be a live frame (another player's news, say). */
    public JsonValue nextLive() {
        JsonObject frame = next();
        if (!"live".equals(frame.getString("type"))) {
            throw new AssertionError("expected a live frame, got " + frame);
        }
        return frame.get("data");
    }

    /** The data of the live frames among {@code frames}. */
    public static List<JsonValue> liveData(List<JsonObject> frames) {
        return frames.stream().filter(f -> "live".equals(f.getString("type"))).map(f -> f.get("data")).toList();
    }

    public static boolean isAnswerTo(JsonObject frame, long id) {
        String type = frame.getString("type");
        return ("ack".equals(type) || "error".equals(type)) && frame.get("id") instanceof jakarta.json.JsonNumber n
                && n.longValue() == id;
    }

    /** True if no frame arrives within the time. */
    public JsonObject poll(Duration within) throws InterruptedException {
        return frames.poll(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    public Closed awaitClose() {
        return awaitClose(WAIT);
    }

    public Closed awaitClose(Duration within) {
        return closed.orTimeout(within.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    public boolean isOpen() {
        return socket.isOpen();
    }

    @Override
    public void close() {
        socket.close();
    }
}
