package org.ludus.export.batch;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every second: the schedules whose firing is due are claimed ({@link ExportSchedules#claim}), their runs
 * started, and their old runs let go. A tick that is still busy makes the next one wait (a singleton).
 */
@Singleton
public class ExportScheduler {

    private static final Logger LOG = Logger.getLogger(ExportScheduler.class.getName());

    @Inject
    ExportSchedules schedules;

    @Inject
    ExportJobs jobs;

    @Inject
    ExportRuns runs;

    @Schedule(second = "*", minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each claim in its own
    public void fireDue() {
        Instant now = Instant.now();
        for (long id : schedules.due(now)) {
            Optional<ExportRun> run;
            try {
                run = schedules.claim(id, now);
            } catch (RuntimeException lost) { // the unique key: another server inserted this firing first
                LOG.log(Level.FINE, "export schedule " + id + ": firing claimed elsewhere", lost);
                continue;
            }
            run.ifPresent(claimed -> {
                try {
                    jobs.start(claimed);
                    LOG.info("export schedule " + id + ": run " + claimed.getId() + " for the firing at "
                            + claimed.getFiredAt() + " into " + claimed.getFolder());
                } catch (RuntimeException failed) {
                    LOG.log(Level.WARNING, "export schedule " + id + ": run " + claimed.getId() + " did not start", failed);
                    runs.settled(claimed.getId()); // over: the schedule's next firing need not wait for it
                }
            });
            schedules.find(id).ifPresent(schedule -> schedules.retain(id, schedule.getKeep()));
        }
    }
}
