package org.ludus.export.batch;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * At each start, once the application is up, restarts the export runs a crash or a shutdown left unfinished
 * ({@link ExportJobs#recover}). A timer a moment after the start, not the start itself: the batch runtime
 * serves the application only once it is deployed.
 */
@Singleton
@Startup
public class ExportRecovery {

    @Resource
    TimerService timers;

    @Inject
    ExportJobs jobs;

    /** When this deployment started (a redeploy in a running server is a start too, the JVM's start is not). */
    private java.time.Instant deployed;

    @PostConstruct
    void afterStart() {
        deployed = java.time.Instant.now();
        timers.createSingleActionTimer(1000, new TimerConfig(null, false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each run's restart in its own
    void recover() {
        jobs.recover(deployed);
    }
}
