package org.ludus.live;

import org.ludus.Settings;

/**
 * Every bound of the live path in one place, each a system property (-D, or the server's configuration) with a
 * default that no game comes near and that keeps one participant from taking a node down. protocol.md and
 * the README state them.
 */
final class LiveLimits {

    /** Largest frame handled; bigger ones are read and thrown away piece by piece, then refused. */
    static final int MAX_FRAME_CHARS = Settings.positive("ludus.live.maxFrameChars", 64 * 1024);

    /** Frames a socket may send per second, and at once. */
    static final int FRAMES_PER_SECOND = Settings.positive("ludus.live.ratePerSecond", 500);
    static final int FRAMES_BURST = Settings.positive("ludus.live.burst", 1000);

    /** Characters a participant may send per second over all their sockets, and at once. */
    static final int CHARS_PER_SECOND = Settings.positive("ludus.live.charsPerSecond", 256 * 1024);
    static final int CHARS_BURST = Settings.positive("ludus.live.charsBurst", 1024 * 1024);

    /** Open live sockets of one participant on a node (tabs, reloads); one more is closed with 1013. */
    static final int SOCKETS_PER_PARTICIPANT = Settings.positive("ludus.live.socketsPerParticipant", 16);

    /** Messages (and their characters) waiting to be applied: per socket, per participant, per group. */
    static final int QUEUED_PER_SOCKET = Settings.positive("ludus.live.queuedPerSocket", 1000);
    static final long QUEUED_CHARS_PER_SOCKET = Settings.positiveLong("ludus.live.queuedCharsPerSocket", 1L << 20);
    static final int QUEUED_PER_PARTICIPANT = Settings.positive("ludus.live.queuedPerParticipant", 4000);
    static final long QUEUED_CHARS_PER_PARTICIPANT = Settings.positiveLong("ludus.live.queuedCharsPerParticipant", 4L << 20);
    static final int QUEUED_PER_GROUP = Settings.positive("ludus.live.queuedPerGroup", 10_000);
    static final long QUEUED_CHARS_PER_GROUP = Settings.positiveLong("ludus.live.queuedCharsPerGroup", 16L << 20);

    /** Frames (and characters) waiting to go out to a socket that reads too slowly; past them it is closed. */
    static final int OUTGOING_FRAMES = Settings.positive("ludus.live.outgoingFrames", 10_000);
    static final long OUTGOING_CHARS = Settings.positiveLong("ludus.live.outgoingChars", 8L << 20);

    /** A live message's transaction, the live method included, is rolled back after this. */
    static final int TRANSACTION_TIMEOUT_SECONDS = Settings.positive("ludus.live.transactionTimeoutSeconds", 10);

    /** A socket that sends nothing (not even a ping, which clients send every 20-30 s) for this long is closed. */
    static final int IDLE_TIMEOUT_SECONDS = Settings.positive("ludus.live.idleTimeoutSeconds", 75);

    /** Threads that work off the groups' queues. */
    static final int THREADS = Settings.positive("ludus.live.threads", 24);

    private LiveLimits() {
    }
}
