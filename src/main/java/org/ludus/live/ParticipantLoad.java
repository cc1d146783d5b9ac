package org.ludus.live;

/**
 * What one participant's live sockets on this node share: an allowance of characters per second, and a
 * bound on their messages waiting to be applied. Tabs, reloads and forged extra sockets of one participant
 * all draw on the same.
 */
final class ParticipantLoad {

    private final RateLimit chars = new RateLimit(LiveLimits.CHARS_PER_SECOND, LiveLimits.CHARS_BURST);
    private int queued;
    private long queuedChars;

    /** Takes a frame's characters from the participant's allowance; false if they send faster than allowed. */
    boolean allowChars(int frameChars) {
        return chars.take(frameChars);
    }

    /** Counts a message as waiting; false (nothing counted) if the participant has too much waiting. */
    synchronized boolean reserve(long messageChars) {
        if (queued >= LiveLimits.QUEUED_PER_PARTICIPANT
                || queuedChars + messageChars > LiveLimits.QUEUED_CHARS_PER_PARTICIPANT) {
            return false;
        }
        queued++;
        queuedChars += messageChars;
        return true;
    }

    synchronized void release(long messageChars) {
        queued--;
        queuedChars -= messageChars;
    }
}
