package org.ludus.export.batch;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.Batchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The job's last step: beside the data, {@value #MANIFEST} (Ludus's version, the job's parameters, its sessions,
 * per file its rows, bytes and SHA-256, and the sessions deleted while it ran, whose files it left out) and {@value #SUMS}, which {@code sha256sum -c} checks (every data
 * file and the manifest). SHA256SUMS is written last: a run is complete when it is there.
 */
@Named
@Dependent
public class ExportManifest implements Batchlet {

    static final String MANIFEST = "manifest.json";
    static final String SUMS = "SHA256SUMS";

    @Inject
    @BatchProperty
    String run;

    @Inject
    ExportRuns runs;

    @Inject
    JobContext job;

    @Inject
    ExportFolders folders;

    @Inject
    org.ludus.session.Sessions sessionsNow;

    @Inject
    ExportFiles exportFiles;

    @Override
    public String process() throws Exception {
        ExportRun exportRun = runs.find(Long.parseLong(this.run)).orElseThrow();
        Path run = folders.folder(exportRun.getFolder());
        Files.createDirectories(run);
        List<Path> data;
        try (Stream<Path> paths = Files.walk(run)) {
            data = paths.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(ExportFolders.PARTIAL))
                    .filter(p -> !p.equals(run.resolve(MANIFEST)) && !p.equals(run.resolve(SUMS))).sorted().toList();
        }
        var files = Json.createArrayBuilder();
        var sums = new StringBuilder();
        for (Path file : data) {
            String name = run.relativize(file).toString().replace('\\', '/');
            Facts facts = facts(file);
            files.add(Json.createObjectBuilder().add("name", name).add("rows", facts.rows())
                    .add("bytes", Files.size(file)).add("sha256", facts.sha256()));
            sums.append(facts.sha256()).append("  ").append(name).append('\n');
        }
        var exports = Json.createArrayBuilder();
        exportRun.exports().forEach(exports::add);
        JsonObjectBuilder jobParameters = Json.createObjectBuilder().add("run", exportRun.getId()).add("exports", exports)
                .add("format", exportRun.getFormat()).add("folder", exportRun.getFolder()).add("owner", exportRun.getOwner());
        if (exportRun.getScheduleId() != null) {
            jobParameters.add("schedule", exportRun.getScheduleId()).add("fired_at", exportRun.getFiredAt().toString());
        }
        if (exportRun.isWindowed()) { // its live messages and page times: only those since that run
            jobParameters.add("since_last_run", true).add("since_run", exportRun.getSinceRun() == null ? JsonValue.NULL
                    : Json.createValue(exportRun.getSinceRun()));
        }
        var sessions = Json.createArrayBuilder();
        exportRun.sessions().forEach(sessions::add);
        // left out: deleted before any of their files was written (one deleted later has its files, and is in them)
        java.util.Set<String> written = exportFiles.sessionsWritten(exportRun.getId());
        List<String> gone = exportRun.sessions().stream().filter(code -> !written.contains(code))
                .filter(code -> sessionsNow.find(code).isEmpty()).toList();
        var manifest = Json.createObjectBuilder().add("ludus_version", Version.LUDUS)
                .add("job", Json.createObjectBuilder().add("name", ExportJobs.JOB).add("instance", job.getInstanceId())
                        .add("execution", job.getExecutionId()))
                .add("parameters", jobParameters).add("sessions", sessions)
                .add("sessions_gone", Json.createArrayBuilder(gone)).add("files", files).build();
        ExportFolders.publish(run.resolve(MANIFEST), out -> {
            Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            text.write(manifest.toString());
            text.write('\n');
            text.flush();
        });
        sums.append(facts(run.resolve(MANIFEST)).sha256()).append("  ").append(MANIFEST).append('\n');
        ExportFolders.publish(run.resolve(SUMS), out -> out.write(sums.toString().getBytes(StandardCharsets.UTF_8)));
        if (!gone.isEmpty()) { // the job completes with the sessions still there, and says so
            job.setExitStatus("COMPLETED: " + gone.size() + " of its sessions deleted meanwhile, their files left out: "
                    + String.join(", ", gone));
            return job.getExitStatus();
        }
        return "COMPLETED";
    }

    @Override
    public void stop() {
        // one pass over the files; nothing to break off
    }

    /** What the manifest says of a file, read from it in one pass. */
    record Facts(long rows, String sha256) {
    }

    /**
     * A file's data rows (a JSON Lines file's lines; a CSV file's records but its header, read with the library
     * that wrote it) and its SHA-256, in one pass over the file.
     */
    static Facts facts(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        long rows;
        try (InputStream in = new DigestInputStream(new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16),
                digest)) {
            if (file.getFileName().toString().endsWith(".jsonl")) {
                rows = 0;
                byte[] buffer = new byte[1 << 16];
                for (int read; (read = in.read(buffer)) > 0; ) {
                    for (int k = 0; k < read; k++) {
                        if (buffer[k] == '\n') {
                            rows++;
                        }
                    }
                }
            } else if (file.getFileName().toString().endsWith(".csv")) {
                long records = 0;
                CsvReader<CsvRecord> reader = CsvReader.builder().allowExtraFields(true).allowMissingFields(true)
                        .skipEmptyLines(false).ofCsvRecord(in, StandardCharsets.UTF_8);
                for (CsvRecord ignored : reader) {
                    records++;
                }
                rows = Math.max(0, records - 1);
            } else {
                rows = 0;
            }
            in.transferTo(java.io.OutputStream.nullOutputStream()); // whatever the reader left, for the digest
        }
        return new Facts(rows, HexFormat.of().formatHex(digest.digest()));
    }
}
