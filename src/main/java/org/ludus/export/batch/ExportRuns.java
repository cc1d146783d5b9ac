package org.ludus.export.batch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ludus.Settings;

/** The export runs in the database ({@link ExportRun}), each change in a transaction of its own. */
@ApplicationScoped
public class ExportRuns {

    static final String NODE = Settings.node();

    @PersistenceContext
    EntityManager em;

    @jakarta.inject.Inject
    ExportMarks marks;

    @jakarta.inject.Inject
    ExportFiles files;

    /** A new run, committed before its job starts, so the job finds it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ExportRun create(Long scheduleId, Instant firedAt, String schedulePart, String owner, List<String> exports,
            List<String> sessions, String format) {
        var run = new ExportRun(scheduleId, firedAt, "-", owner, NODE, exports, sessions, format);
        em.persist(run);
        em.flush(); // the id, for the folder's name
        run.setFolder(ExportFolders.newRun(schedulePart, Instant.now(), run.getId()));
        return run;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void carriedBy(long runId, long executionId) {
        em.find(ExportRun.class, runId).setExecutionId(executionId);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void stoppedByHand(long runId, boolean byHand) {
        ExportRun run = em.find(ExportRun.class, runId);
        run.setStoppedByHand(byHand);
        run.setSettled(byHand);
    }

    /** Why the run failed, kept for its status (JBeret's exit status of a partition does not reach the job's). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(long runId, String why) {
        em.find(ExportRun.class, runId).setFailure(why);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void settled(long runId) {
        em.find(ExportRun.class, runId).setSettled(true);
    }

    /** A run let go by its schedule's retention (its folder deleted). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void forget(long runId) {
        marks.forget(runId);
        files.forget(runId);
        Optional.ofNullable(em.find(ExportRun.class, runId)).ifPresent(em::remove);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ExportRun> find(long runId) {
        return Optional.ofNullable(em.find(ExportRun.class, runId));
    }

    /** This server's runs not yet seen at an end they stay at: those a crash or a shutdown may have left open. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ExportRun> unsettledHere() {
        return em.createNamedQuery("ExportRun.unsettled", ExportRun.class).setParameter("node", NODE).getResultList();
    }

    /** The newest run of the same schedule, if it is of a later firing than this one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ExportRun> laterOfSchedule(ExportRun run) {
        return run.getScheduleId() == null ? Optional.empty()
                : em.createNamedQuery("ExportRun.ofSchedule", ExportRun.class).setParameter("schedule", run.getScheduleId())
                        .setMaxResults(1).getResultList().stream()
                        .filter(newest -> newest.getFiredAt().isAfter(run.getFiredAt())).findFirst();
    }

    /** The newest runs of one owner. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ExportRun> recentOf(String owner, int max) {
        return em.createNamedQuery("ExportRun.recentOf", ExportRun.class).setParameter("owner", owner)
                .setMaxResults(max).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ExportRun> recent(int max) {
        return em.createNamedQuery("ExportRun.recent", ExportRun.class).setMaxResults(max).getResultList();
    }
}
