package org.ludus.live;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** Presence on this node: the open live sockets of each participant, and what those sockets share. */
@ApplicationScoped
public class LiveConnections {

    private record Sockets(Set<LiveConnection> open, ParticipantLoad load) {
    }

    private final Map<String, Sockets> byParticipant = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();

    /**
     * Registers the socket; false if the participant has {@link LiveLimits#SOCKETS_PER_PARTICIPANT} open on this
     * node already (the socket is then not registered).
     */
    public boolean add(LiveConnection connection) {
        boolean[] added = {false};
        // inside compute: a concurrent remove of the participant's last socket cannot drop the new one's set
        byParticipant.compute(connection.participantCode(), (code, existing) -> {
            Sockets sockets = existing != null ? existing
                    : new Sockets(ConcurrentHashMap.newKeySet(), new ParticipantLoad());
            if (sockets.open().size() < LiveLimits.SOCKETS_PER_PARTICIPANT) {
                if (sockets.open().add(connection)) {
                    open.incrementAndGet();
                }
                connection.load(sockets.load());
                added[0] = true;
            }
            return sockets.open().isEmpty() ? null : sockets;
        });
        return added[0];
    }

    public void remove(LiveConnection connection) {
        byParticipant.computeIfPresent(connection.participantCode(), (code, sockets) -> {
            if (sockets.open().remove(connection)) {
                open.decrementAndGet();
            }
            return sockets.open().isEmpty() ? null : sockets;
        });
    }

    /** The live sockets open on this node. */
    public int openCount() {
        return open.get();
    }

    /** Every socket open on this node (a moment's view). */
    Stream<LiveConnection> open() {
        return byParticipant.values().stream().flatMap(sockets -> sockets.open().stream());
    }

    /** Sends a frame to every socket of the participant that was opened for that page. */
    public void sendToPage(String participantCode, int pageIndex, String frame) {
        Sockets sockets = byParticipant.get(participantCode);
        if (sockets == null) {
            return;
        }
        for (LiveConnection connection : sockets.open()) {
            if (connection.pageIndex() == pageIndex) {
                connection.send(frame);
            }
        }
    }

    /** Sends a frame to every socket of the participant that belongs to a page other than that one. */
    public void sendToOtherPages(String participantCode, int pageIndex, String frame) {
        Sockets sockets = byParticipant.get(participantCode);
        if (sockets == null) {
            return;
        }
        for (LiveConnection connection : sockets.open()) {
            if (connection.pageIndex() != pageIndex) {
                connection.send(frame);
            }
        }
    }

    /** True if the participant has an open socket on this node (on any page). */
    public boolean isConnected(String participantCode) {
        return byParticipant.containsKey(participantCode);
    }
}
