package org.ludus.live;

/** A player of a group as the live path needs it for fan-out; {@code pageIndex} is -1 before they started. */
public record GroupMember(int idInGroup, String participantCode, int pageIndex) {
}
