package org.ludus.live;

import org.ludus.live.LiveMethods.LiveMethod;
import org.ludus.page.PageRef;

/**
 * Where a socket's messages go, looked up by its first message and kept on the socket: none of it changes
 * while the participant is on the socket's page, except the group (arrival-order regrouping), which every
 * message checks under the group's lock.
 */
record LiveTarget(long participantId, long sessionId, String sessionCode, PageRef page, LiveMethod method,
        long playerId, long groupId) {

    /** The group's key on this node (app:group id): its {@link GroupQueues} queue and {@link GroupOutbox}. */
    String groupKey() {
        return page.app().name() + ":" + groupId;
    }
}
