package org.ludus.export.batch;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
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
import java.util.stream.Stream;
import org.ludus.export.ExportRequest;

/**
 * Starts export jobs (Jakarta Batch, job {@value #JOB} in META-INF/batch-jobs) and tells what became of them.
 * The job repository is the application's database (wildfly-config/batch-repository.cli), so a job's status
 * and checkpoints outlive the server.
 */
@ApplicationScoped
public class ExportJobs {

    static final String JOB = "ludus-export";

    /** What a job was asked for and where it writes; its status from the job repository. */
    public record Job(long id, String status, String exitStatus, String folder, List<String> exports,
            List<String> sessions, Instant started, Instant ended) {
    }

    /** A published file of a job: its path below the run's folder. */
    public record JobFile(String name, long bytes, Path path) {
    }

    @Inject
    ExportFolders folders;

    @Inject
    org.ludus.export.Exports exportFiles;

    /**
     * Starts a job writing these exports (as the download routes name them: live_messages, apps/auction …) of
     * these sessions, in CSV or JSON Lines, into a new folder {@code manual/{UTC timestamp}-{n}}.
     * @throws IllegalArgumentException for an export that is not one, or no sessions
     */
    public long start(List<String> exports, List<String> sessions, org.ludus.export.Format format, String owner) {
        if (exports.isEmpty() || sessions.isEmpty()) {
            throw new IllegalArgumentException("a job needs at least one export and one session");
        }
        for (String export : exports) {
            try {
                exportFiles.check(ExportRequest.parse(export, null, null));
            } catch (ExportRequest.Refused refused) {
                throw new IllegalArgumentException("'" + export + "': " + refused.getMessage());
            }
        }
        var parameters = new Properties();
        parameters.setProperty("exports", String.join(",", exports));
        parameters.setProperty("sessions", String.join(",", sessions));
        parameters.setProperty("format", format.extension);
        parameters.setProperty("owner", owner);
        // a folder no other run has: the timestamp to the millisecond and a number of this server's
        parameters.setProperty("folder", ExportFolders.newRun("manual", Instant.now(), System.nanoTime()));
        return operator().start(JOB, parameters);
    }

    public Optional<Job> find(long id) {
        try {
            JobExecution execution = operator().getJobExecution(id);
            if (!JOB.equals(execution.getJobName())) {
                return Optional.empty();
            }
            Properties parameters = operator().getParameters(id);
            return Optional.of(new Job(id, String.valueOf(execution.getBatchStatus()), execution.getExitStatus(),
                    parameters.getProperty("folder"), list(parameters.getProperty("exports")),
                    list(parameters.getProperty("sessions")),
                    execution.getStartTime() == null ? null : execution.getStartTime().toInstant(),
                    execution.getEndTime() == null ? null : execution.getEndTime().toInstant()));
        } catch (NoSuchJobExecutionException none) {
            return Optional.empty();
        }
    }

    /** The job's folder. */
    public Path folder(Job job) {
        return folders.folder(job.folder());
    }

    /** The job's published files (never a .partial), by name. */
    public List<JobFile> files(Job job) throws IOException {
        Path run = folders.folder(job.folder());
        if (!Files.isDirectory(run)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(run)) {
            return paths.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(ExportFolders.PARTIAL))
                    .map(p -> new JobFile(run.relativize(p).toString().replace('\\', '/'), size(p), p))
                    .sorted(java.util.Comparator.comparing(JobFile::name)).toList();
        }
    }

    /** The owner the job was started for (a lab user's subject), who may read it. */
    public String ownerOf(long id) {
        return operator().getParameters(id).getProperty("owner");
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

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}
