package org.ludus.export.batch;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.JobSecurityException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.ludus.export.ExportRequest;

/**
 * Starts export runs (Jakarta Batch, job {@value #JOB} in META-INF/batch-jobs), stops and restarts them, and
 * tells what became of them. A run ({@link ExportRun}) is Ludus's; each start or restart of it is a job
 * execution in JBeret's repository, the application's database (wildfly-config/batch-repository.cli), so
 * status and checkpoints outlive the server.
 */
@ApplicationScoped
public class ExportJobs {

    static final String JOB = "ludus-export";
    /** The one job parameter: the run's id; the run holds the rest. */
    static final String RUN = "run";
    private static final Logger LOG = Logger.getLogger(ExportJobs.class.getName());

    /** A run as the API shows it: its request, and its status from its latest execution. */
    public record Job(long id, String status, String exitStatus, String folder, List<String> exports,
            List<String> sessions, String format, Long scheduleId, Instant started, Instant ended,
            List<Execution> executions, String failure) {
    }

    /** One start or restart of a run. */
    public record Execution(long id, String status, String exitStatus, Instant started, Instant ended) {
    }

    /** A published file of a job: its path below the run's folder. */
    public record JobFile(String name, long bytes, Path path) {
    }

    @Inject
    ExportFolders folders;

    @Inject
    ExportRuns runs;

    @Inject
    org.ludus.export.Exports exportFiles;

    /**
     * Starts a run writing these exports (as the download routes name them: live_messages, apps/auction …) of
     * these sessions, in CSV or JSON Lines, into a new folder {@code manual/{UTC timestamp}-{run}}.
     * @return the run's id
     * @throws IllegalArgumentException for an export that is not one, or no sessions
     */
    public long start(List<String> exports, List<String> sessions, org.ludus.export.Format format, String owner) {
        check(exports);
        if (sessions.isEmpty()) {
            throw new IllegalArgumentException("a job needs at least one session");
        }
        return start(runs.create(null, null, "manual", owner, exports, sessions, format.extension));
    }

    /** Starts a run already in the database (a schedule's firing, claimed by inserting it). */
    long start(ExportRun run) {
        var parameters = new Properties();
        parameters.setProperty(RUN, String.valueOf(run.getId()));
        long execution = operator().start(JOB, parameters);
        runs.carriedBy(run.getId(), execution);
        return run.getId();
    }

    /** @throws IllegalArgumentException naming the first export that is not one */
    void check(List<String> exports) {
        if (exports.isEmpty()) {
            throw new IllegalArgumentException("a job needs at least one export");
        }
        for (String export : exports) {
            try {
                exportFiles.check(ExportRequest.parse(export, null, null));
            } catch (ExportRequest.Refused refused) {
                throw new IllegalArgumentException("'" + export + "': " + refused.getMessage());
            }
        }
    }

    public Optional<Job> find(long id) {
        return runs.find(id).map(this::job);
    }

    /** The run's owner (a lab user's subject), who may read it; empty if there is no such run. */
    public Optional<String> ownerOf(long id) {
        return runs.find(id).map(ExportRun::getOwner);
    }

    /** The run as the API shows it (for a run already read, e.g. a schedule's). */
    Job job(ExportRun run) {
        List<Execution> executions = executions(run);
        Execution latest = executions.isEmpty() ? null : executions.get(executions.size() - 1);
        return new Job(run.getId(), latest == null ? BatchStatus.STARTING.name() : latest.status(),
                latest == null ? null : latest.exitStatus(),
                run.getFolder(), run.exports(), run.sessions(), run.getFormat(), run.getScheduleId(),
                executions.isEmpty() ? null : executions.get(0).started(), latest == null ? null : latest.ended(),
                executions, run.getFailure());
    }

    /** The run's executions, first to latest. */
    private List<Execution> executions(ExportRun run) {
        if (run.getExecutionId() == null) {
            return List.of();
        }
        try {
            JobOperator operator = operator();
            return operator.getJobExecutions(operator.getJobInstance(run.getExecutionId())).stream()
                    .map(ExportJobs::execution).sorted(java.util.Comparator.comparingLong(Execution::id)).toList();
        } catch (NoSuchJobExecutionException | JobSecurityException gone) {
            return List.of();
        }
    }

    private static Execution execution(JobExecution e) {
        return new Execution(e.getExecutionId(), String.valueOf(e.getBatchStatus()), e.getExitStatus(),
                e.getStartTime() == null ? null : e.getStartTime().toInstant(),
                e.getEndTime() == null ? null : e.getEndTime().toInstant());
    }

    /**
     * Stops a running run by hand: it ends STOPPED after the chunk in progress, and is not resumed at the next
     * start (a shutdown's stop is).
     * @throws IllegalStateException if it is not running
     */
    public void stop(long id) {
        ExportRun run = runs.find(id).orElseThrow();
        BatchStatus status = status(run);
        if (status != BatchStatus.STARTING && status != BatchStatus.STARTED) {
            throw new IllegalStateException("job " + id + " is " + status + ", not running");
        }
        runs.stoppedByHand(id, true);
        operator().stop(run.getExecutionId());
    }

    /**
     * Restarts a stopped or failed run from its last checkpoint: the files it had published stay, the file it was
     * writing is written again.
     * @throws IllegalStateException if it is not stopped or failed
     */
    public void restart(long id) {
        ExportRun run = runs.find(id).orElseThrow();
        BatchStatus status = status(run);
        if (status != BatchStatus.STOPPED && status != BatchStatus.FAILED) {
            throw new IllegalStateException("job " + id + " is " + status + "; only a stopped or failed job restarts");
        }
        if (run.isWindowed() && runs.laterOfSchedule(run).isPresent()) {
            throw new IllegalStateException("job " + id + " exports since its schedule's last run, and the later run "
                    + runs.laterOfSchedule(run).get().getId() + " already holds its rows: a restart would export them twice");
        }
        runs.stoppedByHand(id, false);
        restartExecution(run, false);
    }

    /**
     * After this server's start: the runs a crash left STARTED (JBeret restarts nothing by itself, and keeps
     * them STARTED) and those a shutdown STOPPED are restarted from their last checkpoint; runs seen completed,
     * failed or stopped by hand are settled, so the next start does not look at them again. Only this server's
     * runs: another server sharing the database may be running its own.
     */
    /** @param deployed when this deployment started: a run created before, and never started, was lost with the last */
    public void recover(Instant deployed) {
        List<ExportRun> unsettled = runs.unsettledHere();
        int restarted = 0;
        for (ExportRun run : unsettled) {
            try {
                BatchStatus status = status(run);
                if (status == null) {
                    if (run.getCreatedAt().isBefore(deployed)) { // claimed, and the server stopped before it started
                        LOG.info("export job " + run.getId() + " was created but never started: starting it");
                        start(run);
                        restarted++;
                    }
                    continue;
                }
                switch (status) {
                    case STARTING, STARTED, STOPPING -> {
                        LOG.info("export job " + run.getId() + " was " + status + " when the server stopped: restarting it");
                        restartExecution(run, true);
                        restarted++;
                    }
                    case STOPPED -> {
                        if (run.isStoppedByHand()) {
                            runs.settled(run.getId());
                        } else {
                            LOG.info("export job " + run.getId() + " was stopped by a shutdown: resuming it");
                            restartExecution(run, false);
                            restarted++;
                        }
                    }
                    case COMPLETED, ABANDONED, FAILED -> runs.settled(run.getId());
                }
            } catch (RuntimeException failed) {
                LOG.log(java.util.logging.Level.WARNING, "export job " + run.getId() + " could not be restarted", failed);
            }
        }
        LOG.info("export recovery: " + unsettled.size() + " unfinished runs of this server found, " + restarted + " restarted");
    }

    /** @param crashed the latest execution is still marked running: JBeret's "force" mode takes it over */
    private void restartExecution(ExportRun run, boolean crashed) {
        runs.failed(run.getId(), null); // what failed before is for this execution to tell again
        var parameters = new Properties();
        parameters.setProperty(RUN, String.valueOf(run.getId()));
        if (crashed) {
            parameters.setProperty("jberet.restart.mode", "force");
        }
        runs.carriedBy(run.getId(), operator().restart(run.getExecutionId(), parameters));
    }

    /**
     * Whether the run is over and stays so: completed, failed, abandoned or stopped by hand (one a shutdown
     * stopped resumes at the next start); a run never started is over once settled (its start failed).
     */
    boolean ended(ExportRun run) {
        BatchStatus status = status(run);
        if (status == null) {
            return run.isSettled();
        }
        return switch (status) {
            case COMPLETED, FAILED, ABANDONED -> true;
            case STOPPED -> run.isStoppedByHand();
            default -> false;
        };
    }

    boolean completed(ExportRun run) {
        return status(run) == BatchStatus.COMPLETED;
    }

    private static BatchStatus status(ExportRun run) {
        return run.getExecutionId() == null ? null : operator().getJobExecution(run.getExecutionId()).getBatchStatus();
    }

    /** The run's folder. */
    public Path folder(Job job) {
        return folders.folder(job.folder());
    }

    /** The run's published files (never a .partial), by name. */
    public List<JobFile> files(Job job) throws IOException {
        Path run = folders.folder(job.folder());
        if (!Files.isDirectory(run)) {
            return List.of();
        }
        for (int attempt = 1; ; attempt++) {
            try (Stream<Path> paths = Files.walk(run)) {
                return paths.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(ExportFolders.PARTIAL))
                        .map(p -> new JobFile(run.relativize(p).toString().replace('\\', '/'), size(p), p))
                        .sorted(java.util.Comparator.comparing(JobFile::name)).toList();
            } catch (java.io.UncheckedIOException walk) {
                // a running job renamed a .partial while the walk passed it: look again
                if (!(walk.getCause() instanceof java.nio.file.NoSuchFileException) || attempt == 5) {
                    throw walk;
                }
            }
        }
    }

    static List<String> list(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isBlank() ? List.of()
                : Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return -1;
        }
    }

    static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}
