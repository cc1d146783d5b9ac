package org.ludus.live;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One open live socket: whose it is, which page it was opened for, and its outgoing frames. Frames are sent
 * one at a time from a queue, because a WebSocket session allows a single send in flight, and any thread
 * (a committing transaction, a ping) may want to send.
 */
public class LiveConnection {

    private static final Logger LOG = Logger.getLogger(LiveConnection.class.getName());

    /** A client that does not read its frames is dropped before it can fill the server's memory. */
    static final int MAX_QUEUED_FRAMES = 10_000;

    private final Session socket;
    private final String participantCode;
    private final int pageIndex;
    private final String clientId;
    private final Queue<String> outgoing = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean sending = new AtomicBoolean();
    private final RateLimit rateLimit = new RateLimit(RATE_PER_SECOND, BURST);
    /** Where this socket's messages go, once its first message found it. */
    private volatile LiveTarget target;

    /** Frames a client may send per second, and at once: generous for any game, a stop for a flood. */
    static final int RATE_PER_SECOND = Integer.getInteger("ludus.live.ratePerSecond", 500);
    static final int BURST = Integer.getInteger("ludus.live.burst", 1000);

    public LiveConnection(Session socket, String participantCode, int pageIndex, String clientId) {
        this.socket = socket;
        this.participantCode = participantCode;
        this.pageIndex = pageIndex;
        this.clientId = clientId;
    }

    public String participantCode() {
        return participantCode;
    }

    public int pageIndex() {
        return pageIndex;
    }

    public String clientId() {
        return clientId;
    }

    /** Takes one frame from the connection's allowance; false if the client sends faster than allowed. */
    public boolean allowFrame() {
        return rateLimit.take();
    }

    LiveTarget target() {
        return target;
    }

    void target(LiveTarget target) {
        this.target = target;
    }

    /** The key of the group this socket's messages go to (see {@link GroupQueues}), or null before the first. */
    public String groupKey() {
        LiveTarget known = target;
        return known == null ? null : known.groupKey();
    }

    public boolean isOpen() {
        return socket.isOpen();
    }

    /** Queues a text frame; frames leave in the order they were queued. */
    public void send(String frame) {
        if (queued.incrementAndGet() > MAX_QUEUED_FRAMES) {
            queued.decrementAndGet();
            close(CloseReason.CloseCodes.TRY_AGAIN_LATER, "client reads too slowly");
            return;
        }
        outgoing.add(frame);
        sendNext();
    }

    private void sendNext() {
        while (!outgoing.isEmpty() && sending.compareAndSet(false, true)) {
            String frame = outgoing.poll();
            if (frame == null) {
                sending.set(false);
                continue; // another thread took it between isEmpty and poll; look again
            }
            queued.decrementAndGet();
            if (!socket.isOpen()) {
                outgoing.clear();
                queued.set(0);
                sending.set(false);
                return;
            }
            // The completion may run on this thread before sendText returns; then this loop goes on, instead of
            // recursing once per queued frame.
            var state = new AtomicInteger(IN_CALL);
            socket.getAsyncRemote().sendText(frame, result -> {
                if (!result.isOK()) {
                    LOG.log(Level.FINE, "live send failed", result.getException());
                }
                sending.set(false);
                if (!state.compareAndSet(IN_CALL, COMPLETED_IN_CALL)) {
                    sendNext();
                }
            });
            if (state.compareAndSet(IN_CALL, RETURNED)) {
                return; // the completion will send the next frame
            }
        }
    }

    private static final int IN_CALL = 0;
    private static final int RETURNED = 1;
    private static final int COMPLETED_IN_CALL = 2;

    public void close(CloseReason.CloseCode code, String reason) {
        try {
            socket.close(new CloseReason(code, reason));
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing a live socket failed", e);
        }
    }
}
