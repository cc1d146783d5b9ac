package org.ludus.bots;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A client side of the live socket over the JDK's WebSocket client: whole text frames in, text frames out.
 * Speaks no protocol itself ({@link LivePlayer} does); bots, the benchmark and the tests build on it.
 */
public final class LiveSocket implements AutoCloseable {

    /** Receives whole frames; called on the client's thread, one frame at a time. */
    public interface Listener {
        void onFrame(String text);

        default void onClose(int code, String reason) {
        }
    }

    private final WebSocket socket;
    private CompletableFuture<WebSocket> lastSend;

    private LiveSocket(WebSocket socket) {
        this.socket = socket;
        this.lastSend = CompletableFuture.completedFuture(socket);
    }

    /** Opens {@code ws://host/live/{code}/{pageIndex}?client={clientId}} for an {@code http://host/} base. */
    public static URI liveUri(URI httpBase, String participantCode, int pageIndex, String clientId) {
        return wsUri(httpBase, "/live/" + participantCode + "/" + pageIndex + "?client=" + clientId);
    }

    public static URI wsUri(URI httpBase, String pathAndQuery) {
        return URI.create(httpBase.toString().replaceFirst("^http", "ws")).resolve(pathAndQuery);
    }

    public static LiveSocket open(HttpClient http, URI uri, Listener listener) {
        WebSocket socket = http.newWebSocketBuilder().buildAsync(uri, new Adapter(listener))
                .orTimeout(30, TimeUnit.SECONDS).join();
        return new LiveSocket(socket);
    }

    /** Sends a text frame after the ones sent before it (the JDK client allows one send at a time). */
    public synchronized CompletableFuture<WebSocket> send(String text) {
        lastSend = lastSend.thenCompose(ws -> ws.sendText(text, true));
        return lastSend;
    }

    public boolean isOpen() {
        return !socket.isInputClosed();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            lastSend.handle((ws, error) -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye"))
                    .orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
        socket.abort();
    }

    /** Joins partial frames and asks for the next one only after the listener has seen this one. */
    private static final class Adapter implements WebSocket.Listener {
        private final Listener listener;
        private final StringBuilder text = new StringBuilder();

        Adapter(Listener listener) {
            this.listener = listener;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String frame = text.toString();
                text.setLength(0);
                listener.onFrame(frame);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            listener.onClose(statusCode, reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            listener.onClose(1006, String.valueOf(error));
        }
    }
}
