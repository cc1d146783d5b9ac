package org.ludus.export.batch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/** A run's files in the database ({@link ExportFile}): what each should hold, what it holds, and the sum. */
@ApplicationScoped
public class ExportFiles {

    /** Rows written of rows expected: a written file counts what it holds, one still to write what it should. */
    public record Progress(long rowsWritten, long rowsExpected) {
    }

    @PersistenceContext
    EntityManager em;

    /** What a file should hold, unless known already (a restart plans the same files again). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void expect(long runId, String session, String export, Long rows) {
        if (one(runId, session, export).isEmpty()) {
            em.persist(new ExportFile(runId, session, export, rows));
        }
    }

    /** A published file; in the chunk's transaction, so it commits with the checkpoint that counts it done. */
    @Transactional(Transactional.TxType.REQUIRED)
    public void written(long runId, String session, String export, long rows, long bytes) {
        ExportFile file = one(runId, session, export).orElseGet(() -> {
            var planned = new ExportFile(runId, session, export, null);
            em.persist(planned);
            return planned;
        });
        file.written(rows, bytes);
    }

    /** A file left out (its session deleted meanwhile): nothing more is expected of it. */
    @Transactional(Transactional.TxType.REQUIRED)
    public void skipped(long runId, String session, String export) {
        one(runId, session, export).ifPresent(ExportFile::skipped);
    }

    /** The sessions of which at least one file was published. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Set<String> sessionsWritten(long runId) {
        var written = new java.util.HashSet<String>();
        for (ExportFile file : em.createNamedQuery("ExportFile.ofRun", ExportFile.class).setParameter("run", runId)
                .getResultList()) {
            if (file.getRowsWritten() != null) {
                written.add(file.getSessionCode());
            }
        }
        return written;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Progress progress(long runId) {
        long written = 0;
        long expected = 0;
        for (ExportFile file : em.createNamedQuery("ExportFile.ofRun", ExportFile.class).setParameter("run", runId)
                .getResultList()) {
            if (file.getRowsWritten() != null) {
                written += file.getRowsWritten();
                expected += file.getRowsWritten();
            } else if (file.getRowsExpected() != null) {
                expected += file.getRowsExpected();
            }
        }
        return new Progress(written, expected);
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public void forget(long runId) {
        em.createNamedQuery("ExportFile.forget").setParameter("run", runId).executeUpdate();
    }

    private java.util.Optional<ExportFile> one(long runId, String session, String export) {
        List<ExportFile> found = em.createNamedQuery("ExportFile.one", ExportFile.class).setParameter("run", runId)
                .setParameter("session", session).setParameter("export", export).getResultList();
        return found.stream().findFirst();
    }
}
