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
import org.ludus.page.PageFlow;
import org.ludus.session.Codes;

/**
 * The live socket of one page: /live/{participant code}/{page index}?client={client id}. Protocol:
 * docs/protocol.md. Each message is handled on the container's worker thread, one at a time per socket,
 * so a socket's messages are applied in the order they were sent.
 */
@ServerEndpoint("/live/{code}/{pageIndex}")
public class LiveEndpoint {

    private static final Logger LOG = Logger.getLogger(LiveEndpoint.class.getName());

    /** Largest frame handled; bigger ones are read and thrown away piece by piece, then refused. */
    static final int MAX_FRAME_CHARS = 64 * 1024;

    static final CloseReason.CloseCode UNKNOWN_PARTICIPANT = CloseReason.CloseCodes.getCloseCode(4404);
    static final CloseReason.CloseCode MALFORMED_URL = CloseReason.CloseCodes.getCloseCode(4400);

    @Inject
    LiveDispatcher dispatcher;

    @Inject
    LiveConnections connections;

    @Inject
    GroupQueues groupQueues;

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
        // registered before the page is looked up: a move committed in between is pushed, one before is seen
        connections.add(connection);
        Optional<Integer> currentPage = Codes.looksLikeCode(code) ? dispatcher.currentPage(code) : Optional.empty();
        if (currentPage.isEmpty()) {
            connections.remove(connection);
            connection.close(UNKNOWN_PARTICIPANT, "unknown participant");
            return;
        }
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
            if (frame.length() + part.length() > MAX_FRAME_CHARS) {
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
        if (!connection.allowFrame()) {
            frame.setLength(0);
            frameTooLarge = false;
            connection.send(LiveProtocol.errorFrame(null, "rate_limited", "more than "
                    + LiveConnection.RATE_PER_SECOND + " frames a second; this one was dropped"));
            return;
        }
        if (frameTooLarge) {
            frameTooLarge = false;
            connection.send(LiveProtocol.errorFrame(null, "too_large",
                    "a frame may hold at most " + MAX_FRAME_CHARS + " characters"));
            return;
        }
        String text = frame.toString();
        frame.setLength(0);
        handle(text);
    }

    private void handle(String text) {
        LiveProtocol.ClientFrame parsed;
        try {
            parsed = LiveProtocol.parse(text);
        } catch (LiveRefusal refusal) {
            connection.send(LiveProtocol.errorFrame(null, refusal.code(), refusal.getMessage()));
            return;
        }
        if (!(parsed instanceof LiveProtocol.LiveMessage message)) {
            connection.send(LiveProtocol.PONG); // answered at once, even while the group is busy
            return;
        }
        String groupKey = connection.groupKey();
        if (groupKey == null) {
            apply(message); // the first message finds the socket's group; the key then stays, to keep order
        } else {
            // later ones wait in memory, in order, for their group's turn: no worker thread and no database
            // connection sits blocked on a group's row lock while other groups could go on
            groupQueues.submit(groupKey, () -> apply(message));
        }
    }

    private void apply(LiveProtocol.LiveMessage message) {
        try {
            dispatchOnceMoreIfRegrouped(message);
        } catch (RuntimeException | StackOverflowError | AssertionError e) {
            LiveRefusal refusal = findRefusal(e);
            if (refusal == null) {
                LOG.log(Level.WARNING, "live message failed", e);
                refusal = new LiveRefusal("server_error", "the server could not handle the message; nothing was changed");
            }
            connection.send(LiveProtocol.errorFrame(message.id(), refusal.code(), refusal.getMessage()));
        }
    }

    private void dispatchOnceMoreIfRegrouped(LiveProtocol.LiveMessage message) {
        try {
            dispatcher.dispatch(connection, message);
        } catch (RuntimeException e) {
            if (causeOf(e, LiveDispatcher.GroupChanged.class) == null) {
                throw e;
            }
            connection.target(null); // regrouped since the socket's first message: look it up once more
            dispatcher.dispatch(connection, message);
        }
    }

    /** The transaction interceptor may wrap our refusal (e.g. in a TransactionalException). */
    private static LiveRefusal findRefusal(Throwable e) {
        LiveRefusal refusal = causeOf(e, LiveRefusal.class);
        LiveDispatcher.GroupChanged changed = causeOf(e, LiveDispatcher.GroupChanged.class);
        if (refusal == null && changed != null) { // the group changed again during the retry
            return new LiveRefusal("server_error", changed.getMessage());
        }
        return refusal;
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    @OnClose
    public void close(Session socket) {
        if (connection != null) {
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
