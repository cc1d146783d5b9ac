package org.ludus.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.ludus.live.LiveBacklog;
import org.ludus.live.SocketLanes;

/**
 * Liveness "ludus-live-threads": down only when every live thread is stuck inside a live method that never
 * returns (each was given up and replaced until no more are: GroupQueues), so no live message can run until the
 * server restarts. A slow moment is readiness's business ({@link LiveCheck}), never a reason to restart.
 */
@Liveness
@ApplicationScoped
public class LiveThreadsCheck implements HealthCheck {

    @Inject
    SocketLanes lanes;

    @Override
    public HealthCheckResponse call() {
        LiveBacklog backlog = lanes.backlog();
        return HealthCheckResponse.named("ludus-live-threads")
                .status(!backlog.allThreadsStuck())
                .withData("stuck_threads", backlog.stuckThreads())
                .withData("live_threads", backlog.threads())
                .build();
    }
}
