package org.ludus.it;

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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
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

    private final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
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
        long id = nextId++;
        sendRaw("{\"type\":\"live\",\"id\":" + id + ",\"data\":" + JSONB.toJson(data) + "}");
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
