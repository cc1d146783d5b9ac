package org.ludus.export.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.file.Path;
import java.util.List;
import org.ludus.export.ExportRequest;
import org.ludus.export.Exports;
import org.ludus.export.Format;

/**
 * Writes each export of a partition's session to its file with the same code as the download routes
 * ({@link Exports}), so a job's file equals {@code GET /api/exports/{export}?session={code}} byte for byte.
 * The file is published atomically ({@link ExportFolders#publish}); a file interrupted by a crash is written
 * again from the start after the restart.
 */
@Named
@Dependent
public class ExportFileWriter extends AbstractItemWriter {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(ExportFileWriter.class.getName());

    @Inject
    @BatchProperty
    String session;

    @Inject
    @BatchProperty
    String run;

    @Inject
    ExportRuns runs;

    @Inject
    Exports exports;

    @Inject
    ExportFolders folders;

    @Inject
    JobContext job;

    @Inject
    ExportFiles files;

    @Inject
    org.ludus.session.Sessions sessionsNow;

    /** The partition's files written by this writer (for the tests' pause between chunks). */
    private int begun;

    /** The chunk's transaction is set aside: an export reads in a read-only snapshot transaction of its own. */
    @Inject
    OutsideTransaction outsideTheChunk;

    @Override
    public void writeItems(List<Object> items) throws Exception {
        ExportRun exportRun = runs.find(Long.parseLong(run)).orElseThrow();
        Path folder = folders.folder(exportRun.getFolder());
        Format as = Format.parse(exportRun.getFormat());
        for (Object item : items) {
            ExportRequest export = ExportRequest.parse((String) item, session, null);
            TestPause.beforeFile(++begun, job);
            Path file = folder.resolve(session).resolve(export.baseName() + "." + as.extension);
            long[] rows = {0};
            try {
                outsideTheChunk.call(() -> {
                    ExportFolders.publish(file, out -> rows[0] = exports.write(export, java.util.Optional.empty(), as,
                            exportRun.window(), () -> TestPause.atByte(out, job)));
                    return null;
                });
            } catch (java.io.IOException | java.io.UncheckedIOException cannotWrite) {
                // an unwritable folder, a full disk: said in the run's status (the rows' writer wraps its I/O errors)
                runs.failed(exportRun.getId(), "could not write " + folders.root().relativize(file) + " in "
                        + folders.root() + ": " + describe(cannotWrite instanceof java.io.UncheckedIOException wrapped
                                ? wrapped.getCause() : (java.io.IOException) cannotWrite));
                throw cannotWrite;
            } catch (ExportRequest.Refused refused) {
                if (sessionsNow.find(session).isPresent()) { // an app no longer deployed, a custom export gone
                    runs.failed(exportRun.getId(), "session " + session + ", " + item + ": " + refused.getMessage());
                    throw refused;
                }
                // the session was deleted after the run was planned: its files are left out, and named
                files.skipped(exportRun.getId(), session, (String) item);
                LOG.warning("export job " + exportRun.getId() + ": session " + session + " was deleted after the job"
                        + " was planned; its files are left out (the manifest names it under sessions_gone)");
                continue;
            }
            files.written(exportRun.getId(), session, (String) item, rows[0], java.nio.file.Files.size(file));
        }
    }

    /** An I/O failure in words: the exception's kind says more than its message alone (a bare path, often). */
    private static String describe(java.io.IOException failure) {
        String kind = failure instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : failure instanceof java.nio.file.FileSystemException other && other.getReason() != null
                        ? other.getReason() : failure.getClass().getSimpleName();
        return kind + (failure.getMessage() == null ? "" : " (" + failure.getMessage() + ")");
    }
}
