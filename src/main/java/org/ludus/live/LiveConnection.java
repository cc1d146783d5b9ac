package org.ludus.live;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One open live socket: whose it is, which page it was opened for, its incoming work waiting its turn (one
 * at a time, in order: {@link SocketLanes}) and its outgoing frames. Frames are sent one at a time from a
 * queue, because a WebSocket session allows a single send in flight, and any thread (a committing
 * transaction, a ping) may want to send.
 */
public class LiveConnection {

    private static final Logger LOG = Logger.getLogger(LiveConnection.class.getName());

    private final Session socket;
    private final String participantCode;
    private final int pageIndex;
    private final String clientId;
    private final Queue<String> outgoing = new ConcurrentLinkedQueue<>();
    private final AtomicInteger outgoingFrames = new AtomicInteger();
    private final AtomicLong outgoingChars = new AtomicLong();
    private final AtomicBoolean sending = new AtomicBoolean();
    private final RateLimit rateLimit = new RateLimit(LiveLimits.FRAMES_PER_SECOND, LiveLimits.FRAMES_BURST);
    /** Where this socket's messages go, once its first message found it. */
    private volatile LiveTarget target;
    /** What the participant's sockets on this node share: their allowance and their queued work. */
    private ParticipantLoad load;

    /** The socket's work waiting its turn, guarded by the lane's own lock (SocketLanes). */
    final ArrayDeque<SocketLanes.Work> waiting = new ArrayDeque<>();
    long waitingChars;
    boolean working;

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

    /** Takes one frame from the socket's allowance; false if the client sends faster than allowed. */
    public boolean allowFrame() {
        return rateLimit.take();
    }

    LiveTarget target() {
        return target;
    }

    void target(LiveTarget target) {
        this.target = target;
    }

    ParticipantLoad load() {
        return load;
    }

    void load(ParticipantLoad load) {
        this.load = load;
    }

    public boolean isOpen() {
        return socket.isOpen();
    }

    /** Queues a text frame; frames leave in the order they were queued. A client that does not read is dropped. */
    public void send(String frame) {
        if (outgoingFrames.incrementAndGet() > LiveLimits.OUTGOING_FRAMES
                || outgoingChars.addAndGet(frame.length()) > LiveLimits.OUTGOING_CHARS) {
            outgoingFrames.decrementAndGet();
            outgoingChars.addAndGet(-frame.length());
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
            outgoingFrames.decrementAndGet();
            outgoingChars.addAndGet(-frame.length());
            if (!socket.isOpen()) {
                outgoing.clear();
                outgoingFrames.set(0);
                outgoingChars.set(0);
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
