package org.ludus.export.batch;

import jakarta.annotation.Resource;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
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

    /** The partition's files written by this writer (for the tests' pause between chunks). */
    private int files;

    /** The chunk's transaction is set aside: an export reads in a read-only snapshot transaction of its own. */
    @Resource(lookup = "java:/TransactionManager")
    TransactionManager transactions;

    @Override
    public void writeItems(List<Object> items) throws Exception {
        ExportRun exportRun = runs.find(Long.parseLong(run)).orElseThrow();
        Path folder = folders.folder(exportRun.getFolder());
        Format as = Format.parse(exportRun.getFormat());
        for (Object item : items) {
            ExportRequest export = ExportRequest.parse((String) item, session, null);
            TestPause.beforeFile(++files, job);
            Transaction chunk = transactions.suspend();
            try {
                ExportFolders.publish(folder.resolve(session).resolve(export.baseName() + "." + as.extension),
                        out -> exports.write(export, java.util.Optional.empty(), as, () -> TestPause.atByte(out, job)));
            } finally {
                if (chunk != null) {
                    transactions.resume(chunk);
                }
            }
        }
    }
}
