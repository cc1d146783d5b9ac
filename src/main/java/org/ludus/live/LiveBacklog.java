package org.ludus.live;

/**
 * What waits on this node now (for operators, org.ludus.ops): live messages and state requests received and not
 * yet begun, in the sockets' lanes and the groups' lanes; how long the oldest of them has waited; and the live
 * threads given up inside live methods that ran past the live timeout, of {@code threads}.
 */
public record LiveBacklog(int queued, long oldestWaitNanos, int stuckThreads, int threads) {

    /** Every live thread is stuck and no more are replaced: nothing moves until the server restarts. */
    public boolean allThreadsStuck() {
        return stuckThreads >= threads;
    }

    LiveBacklog plus(int moreQueued, long theirOldestWaitNanos) {
        return new LiveBacklog(queued + moreQueued, Math.max(oldestWaitNanos, theirOldestWaitNanos), stuckThreads,
                threads);
    }
}
