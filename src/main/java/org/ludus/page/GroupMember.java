package org.ludus.page;

/** A player of a group as the live path needs it for fan-out. */
public record GroupMember(int idInGroup, String participantCode, int pageIndex) {
}
