package org.ludus.live;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Presence on this node: the open live sockets of each participant. */
@ApplicationScoped
public class LiveConnections {

    private final Map<String, Set<LiveConnection>> byParticipant = new ConcurrentHashMap<>();

    public void add(LiveConnection connection) {
        // inside compute: a concurrent remove of the participant's last socket cannot drop the new one's set
        byParticipant.compute(connection.participantCode(), (code, set) -> {
            Set<LiveConnection> connections = set != null ? set : ConcurrentHashMap.newKeySet();
            connections.add(connection);
            return connections;
        });
    }

    public void remove(LiveConnection connection) {
        byParticipant.computeIfPresent(connection.participantCode(), (code, set) -> {
            set.remove(connection);
            return set.isEmpty() ? null : set;
        });
    }

    /** Sends a frame to every socket of the participant that was opened for that page. */
    public void sendToPage(String participantCode, int pageIndex, String frame) {
        Set<LiveConnection> connections = byParticipant.get(participantCode);
        if (connections == null) {
            return;
        }
        for (LiveConnection connection : connections) {
            if (connection.pageIndex() == pageIndex) {
                connection.send(frame);
            }
        }
    }

    /** Sends a frame to every socket of the participant that belongs to a page other than that one. */
    public void sendToOtherPages(String participantCode, int pageIndex, String frame) {
        Set<LiveConnection> connections = byParticipant.get(participantCode);
        if (connections == null) {
            return;
        }
        for (LiveConnection connection : connections) {
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
