package org.ludus.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.ludus.Settings;
import org.ludus.live.LiveBacklog;
import org.ludus.live.SocketLanes;
import org.ludus.live.LiveConnections;

/**
 * Readiness "ludus-live": is this node's live work keeping up? Down while the oldest live message waiting on
 * this node (in its sockets' or groups' lanes) has waited {@code LUDUS_HEALTH_MAX_WAIT_SECONDS} (default 5) or more, or while every live
 * thread is stuck in a live method: a balancer should send new participants elsewhere until it recovers.
 */
@Readiness
@ApplicationScoped
public class LiveCheck implements HealthCheck {

    static final String NAME = "ludus-live";

    static final int MAX_WAIT_SECONDS = Settings.number("ludus.health.maxWaitSeconds", "LUDUS_HEALTH_MAX_WAIT_SECONDS",
            5, 1, 3600);

    @Inject
    SocketLanes lanes;

    @Inject
    LiveConnections connections;

    @Override
    public HealthCheckResponse call() {
        LiveBacklog backlog = lanes.backlog();
        long oldestMillis = TimeUnit.NANOSECONDS.toMillis(backlog.oldestWaitNanos());
        boolean keepingUp = oldestMillis < MAX_WAIT_SECONDS * 1000L && !backlog.allThreadsStuck();
        return HealthCheckResponse.named(NAME)
                .status(keepingUp)
                .withData("queued", backlog.queued())
                .withData("oldest_wait_ms", oldestMillis)
                .withData("max_wait_ms", MAX_WAIT_SECONDS * 1000L)
                .withData("stuck_threads", backlog.stuckThreads())
                .withData("live_threads", backlog.threads())
                .withData("connections", connections.openCount())
                .build();
    }
}
