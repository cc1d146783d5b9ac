package org.ludus.export.batch;

import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Logger;

/**
 * For tests only, off unless set: holds the export writer at a chosen point so a test can kill the server in the
 * middle of a job ({@code -Dludus.export.test.pauseAtByte=N}: inside a file, once N bytes of it are on disk;
 * {@code -Dludus.export.test.pauseBeforeFile=N}: between chunks, before a partition's N-th file). A held writer
 * goes on when the job is being stopped, so a graceful shutdown is not kept waiting.
 */
final class TestPause {

    static final long AT_BYTE = Long.getLong("ludus.export.test.pauseAtByte", -1);
    static final int BEFORE_FILE = Integer.getInteger("ludus.export.test.pauseBeforeFile", -1);
    private static final Logger LOG = Logger.getLogger(TestPause.class.getName());

    private TestPause() {
    }

    /** Holds before the {@code file}-th file (from 1) of a partition, if so set. */
    static void beforeFile(int file, JobContext job) {
        if (file == BEFORE_FILE) {
            hold(job, "before file " + file);
        }
    }

    /** The stream, held once {@link #AT_BYTE} bytes have gone through it (flushed first), if so set. */
    static OutputStream atByte(OutputStream out, JobContext job) {
        if (AT_BYTE < 0) {
            return out;
        }
        return new FilterOutputStream(out) {
            private long written;

            @Override
            public void write(int b) throws IOException {
                out.write(b);
                if (++written == AT_BYTE) {
                    out.flush();
                    hold(job, "at byte " + AT_BYTE);
                }
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                for (int i = 0; i < length; i++) {
                    write(bytes[offset + i]);
                }
            }
        };
    }

    private static BatchStatus status(JobContext job) {
        return ExportJobs.operator().getJobExecution(job.getExecutionId()).getBatchStatus();
    }

    private static void hold(JobContext job, String where) {
        LOG.info("LUDUS TEST PAUSE: export job execution " + job.getExecutionId() + " held " + where);
        // the job's own status: a partition's context keeps the status it started with
        while (status(job) != BatchStatus.STOPPING && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        LOG.info("LUDUS TEST PAUSE: export job execution " + job.getExecutionId() + " goes on (" + status(job) + ")");
    }
}
