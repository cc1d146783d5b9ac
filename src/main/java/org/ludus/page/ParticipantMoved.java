package org.ludus.page;

/**
 * A participant was moved to another page by the server (a wait page released them, a timeout, an admin),
 * not by their own Next button. Fired inside the transaction; observers act after it commits.
 */
public record ParticipantMoved(String participantCode, int pageIndex) {
}
