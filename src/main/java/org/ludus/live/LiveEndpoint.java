package org.ludus.live;

import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ludus.ops.Metrics;
import org.ludus.page.PageFlow;
import org.ludus.session.Codes;

/**
 * The live socket of one page: /live/{participant code}/{page index}?client={client id}. Protocol:
 * docs/protocol.md. Frames are read here, on the web server's threads, and checked against the limits
 * ({@link LiveLimits}); what passes goes to the socket's lane ({@link SocketLanes}), which applies it on the
 * live threads, one at a time per socket, in the order the client sent it.
 */
@ServerEndpoint("/live/{code}/{pageIndex}")
public class LiveEndpoint {

    private static final Logger LOG = Logger.getLogger(LiveEndpoint.class.getName());

    static final CloseReason.CloseCode UNKNOWN_PARTICIPANT = CloseReason.CloseCodes.getCloseCode(4404);
    static final CloseReason.CloseCode MALFORMED_URL = CloseReason.CloseCodes.getCloseCode(4400);

    @Inject
    LiveDispatcher dispatcher;

    @Inject
    LiveConnections connections;

    @Inject
    SocketLanes lanes;

    @Inject
    Metrics metrics;

    private LiveConnection connection;
    /** False for a socket being closed as refused: frames that still arrive on it are ignored. */
    private volatile boolean registered;
    private final StringBuilder frame = new StringBuilder();
    private boolean frameTooLarge;

    @OnOpen
    public void open(Session socket, @PathParam("code") String code, @PathParam("pageIndex") String pageIndex) {
        String clientId = first(socket.getRequestParameterMap().get("client"));
        connection = new LiveConnection(socket, code, parseIndex(pageIndex), clientId);
        if (connection.pageIndex() < 0 || clientId == null || !clientId.matches("[A-Za-z0-9_-]{1,64}")) {
            connection.close(MALFORMED_URL, "expected /live/{participant code}/{page index}?client={client id}");
            return;
        }
        // the handshake is accepted first and then closed, so that a browser sees the code (a refused
        // handshake is only a 1006 to it, and it would retry forever)
        if (!connections.add(connection)) {
            connection.close(CloseReason.CloseCodes.TRY_AGAIN_LATER, "more than "
                    + LiveLimits.SOCKETS_PER_PARTICIPANT + " live pages of this participant are open");
            return;
        }
        // registered before the page is looked up: a move committed in between is pushed, one before is seen
        Optional<Integer> currentPage = Codes.looksLikeCode(code) ? dispatcher.currentPage(code) : Optional.empty();
        if (currentPage.isEmpty()) {
            connections.remove(connection);
            connection.close(UNKNOWN_PARTICIPANT, "unknown participant");
            return;
        }
        socket.setMaxIdleTimeout(LiveLimits.IDLE_TIMEOUT_SECONDS * 1000L); // the client pings every 20 s
        registered = true;
        if (currentPage.get() != connection.pageIndex()) { // moved on before this socket opened: follow
            connection.send(LiveProtocol.movedFrame(PageFlow.pageUrl(code, currentPage.get())));
        }
    }

    @OnMessage
    public void message(String part, boolean last) {
        if (!registered) {
            return;
        }
        if (!frameTooLarge) {
            if (frame.length() + part.length() > LiveLimits.MAX_FRAME_CHARS) {
                frameTooLarge = true;
                frame.setLength(0);
                frame.trimToSize();
            } else {
                frame.append(part);
            }
        }
        if (!last) {
            return;
        }
        long received = System.nanoTime();
        if (frameTooLarge) {
            metrics.liveReceived();
            frameTooLarge = false;
            answer(null, "too_large", "a frame may hold at most " + LiveLimits.MAX_FRAME_CHARS + " characters",
                    received);
            return;
        }
        String text = frame.toString();
        frame.setLength(0);
        if (!connection.allowFrame()) {
            refuse(text, "more than " + LiveLimits.FRAMES_PER_SECOND + " frames a second from this page", received);
            return;
        }
        if (!connection.load().allowChars(text.length())) {
            refuse(text, "more than " + LiveLimits.CHARS_PER_SECOND + " characters a second from this participant",
                    received);
            return;
        }
        handle(text, received);
    }

    /** A frame over the rate: refused with its id (read without parsing the rest), so the client can tell. */
    private void refuse(String text, String why, long received) {
        metrics.liveReceived();
        answer(LiveProtocol.idOf(text), "rate_limited", why + "; this message was dropped", received);
    }

    /** An error for a frame refused here, before any lane. */
    private void answer(Long id, String code, String message, long received) {
        metrics.liveAnswered(code, received);
        connection.send(LiveProtocol.errorFrame(id, code, message));
    }

    private void handle(String text, long received) {
        LiveProtocol.ClientFrame parsed;
        try {
            parsed = LiveProtocol.parse(text);
        } catch (LiveRefusal refusal) {
            metrics.liveReceived(); // a frame that is not one of the protocol's counts as a live message refused
            answer(LiveProtocol.idOf(text), refusal.code(), refusal.getMessage(), received);
            return;
        }
        if (parsed instanceof LiveProtocol.Ping) {
            connection.send(LiveProtocol.PONG); // answered at once, even while the group is busy
        } else if (parsed instanceof LiveProtocol.StateRequest) {
            lanes.offer(connection, SocketLanes.Work.stateRequest(connection)); // if too much waits, it can wait
        } else if (parsed instanceof LiveProtocol.LiveMessage message) {
            metrics.liveReceived();
            if (lanes.stopping()) {
                LiveRefusal unavailable = SocketLanes.unavailable();
                answer(message.id(), unavailable.code(), unavailable.getMessage(), received);
            } else if (!lanes.offer(connection, SocketLanes.Work.message(connection, message, metrics, received))) {
                answer(message.id(), "busy", "too many of this participant's messages are waiting; this one was dropped",
                        received);
            }
        }
    }

    @OnClose
    public void close(Session socket) {
        if (connection != null && registered) {
            connections.remove(connection);
        }
    }

    @OnError
    public void error(Session socket, Throwable error) {
        LOG.log(Level.FINE, "live socket error", error);
    }

    private static int parseIndex(String text) {
        return text != null && text.matches("\\d{1,6}") ? Integer.parseInt(text) : -1;
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
