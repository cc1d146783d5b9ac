package org.ludus.export.batch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.ludus.security.Roles;

/**
 * Export schedules in the database, and their firings. A firing is claimed in the database: the schedule's row
 * is locked, its due time checked and moved on, and the firing's run inserted, in one transaction; the unique key
 * on (schedule, firing time) of {@link ExportRun} makes sure two servers sharing the database never run one
 * firing twice, and no state in memory is needed.
 */
@ApplicationScoped
public class ExportSchedules {

    private static final Logger LOG = Logger.getLogger(ExportSchedules.class.getName());
    static final String NAME = "[A-Za-z0-9_-]{1,64}";

    @PersistenceContext
    EntityManager em;

    @Inject
    ExportFolders folders;

    @Inject
    ExportRuns runs;

    @Inject
    ExportMarks marks;

    @Inject
    ExportJobs jobs;

    @Transactional
    public ExportSchedule create(ExportSchedule schedule) {
        if (!em.createNamedQuery("ExportSchedule.named", ExportSchedule.class).setParameter("name", schedule.getName())
                .getResultList().isEmpty()) {
            throw new IllegalArgumentException("name: there is a schedule named '" + schedule.getName() + "' already");
        }
        em.persist(schedule);
        return schedule;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ExportSchedule> all() {
        return em.createNamedQuery("ExportSchedule.all", ExportSchedule.class).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ExportSchedule> find(long id) {
        return Optional.ofNullable(em.find(ExportSchedule.class, id));
    }

    /** Deletes the schedule; its runs and their files stay (they are data), no longer fired. */
    @Transactional
    public void delete(long id) {
        Optional.ofNullable(em.find(ExportSchedule.class, id)).ifPresent(em::remove);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ExportRun> runs(long scheduleId) {
        return em.createNamedQuery("ExportRun.ofSchedule", ExportRun.class).setParameter("schedule", scheduleId)
                .getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Long> due(Instant now) {
        return em.createNamedQuery("ExportSchedule.due", Long.class).setParameter("now", now).getResultList();
    }

    /**
     * Claims the schedule's due firing: under the row's lock, moves its next firing past {@code now} and, unless
     * the firing was missed and the schedule skips missed ones, inserts its run.
     * @return the run to start, or empty: another server claimed it, it was skipped, or no session matches
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<ExportRun> claim(long scheduleId, Instant now) {
        ExportSchedule schedule = em.find(ExportSchedule.class, scheduleId, LockModeType.PESSIMISTIC_WRITE);
        if (schedule == null || schedule.getNextFiring().isAfter(now)) {
            return Optional.empty(); // deleted, or fired by another server meanwhile
        }
        Instant due = schedule.getNextFiring();
        schedule.setNextFiring(schedule.when().next(now)); // firings missed meanwhile collapse into this one
        if (When.decide(due, now, schedule.isRunMissed()) == When.Decision.SKIP_MISSED) {
            LOG.info("export schedule '" + schedule.getName() + "': the firing due at " + due
                    + " was missed while the server was down, and is skipped as the schedule says");
            return Optional.empty();
        }
        Long since = null;
        if (schedule.isIncremental()) {
            List<ExportRun> earlier = runs(schedule.getId());
            // only the newest can be open: an incremental schedule never fires while its newest run is
            Optional<ExportRun> open = earlier.stream().findFirst().filter(run -> !jobs.ended(run));
            if (open.isPresent()) { // the next run's rows begin where this one's end: they never overlap
                LOG.info("export schedule '" + schedule.getName() + "': run " + open.get().getId()
                        + " has not ended, so the firing due at " + due + " is skipped");
                return Optional.empty();
            }
            since = earlier.stream().filter(ExportRun::isMarked).filter(jobs::completed).findFirst()
                    .map(ExportRun::getId).orElse(null);
        }
        List<String> sessions = sessions(schedule);
        if (sessions.isEmpty()) {
            LOG.info("export schedule '" + schedule.getName() + "': no session to export at " + due);
            return Optional.empty();
        }
        var run = new ExportRun(schedule.getId(), due, "-", schedule.getOwner(), ExportRuns.NODE, schedule.exports(),
                sessions, schedule.getFormat());
        em.persist(run);
        em.flush(); // the unique key (schedule, fired_at) answers here if another server inserted it
        run.setFolder(ExportFolders.newRun(schedule.getName(), due, run.getId()));
        if (schedule.isIncremental()) {
            run.markedSince(since, schedule.isSinceLastRun());
            Map<String, Long> ids = sessionIds(sessions);
            marks.record(run.getId(), List.copyOf(ids.values()));
            if (schedule.scope() == ExportSchedule.Scope.CHANGED) {
                Set<Long> changed = marks.changed(run.getId(), since);
                List<String> changedCodes = sessions.stream().filter(code -> changed.contains(ids.get(code))).toList();
                if (changedCodes.isEmpty()) {
                    LOG.info("export schedule '" + schedule.getName() + "': no session changed since run " + since
                            + ", nothing to export at " + due);
                    marks.forget(run.getId());
                    em.remove(run);
                    return Optional.empty();
                }
                run.setSessions(changedCodes);
            }
        }
        return Optional.of(run);
    }

    private Map<String, Long> sessionIds(List<String> codes) {
        var ids = new java.util.LinkedHashMap<String, Long>();
        for (Object[] row : em.createQuery("select s.code, s.id from ExperimentSession s", Object[].class).getResultList()) {
            ids.put((String) row[0], (Long) row[1]);
        }
        ids.keySet().retainAll(new HashSet<>(codes));
        return ids;
    }

    /** The sessions the schedule covers now: its scope, among those its owner may export. */
    private List<String> sessions(ExportSchedule schedule) {
        String value = schedule.getScopeValue();
        List<String> codes = switch (schedule.scope()) {
            case ALL, CHANGED -> em.createQuery("select s.code from ExperimentSession s order by s.id", String.class).getResultList();
            case CONFIG -> em.createQuery("select s.code from ExperimentSession s where s.configName = :v order by s.id",
                    String.class).setParameter("v", value).getResultList();
            case ROOM -> em.createQuery("select s.code from ExperimentSession s where s.roomName = :v order by s.id",
                    String.class).setParameter("v", value).getResultList();
            case SESSIONS -> ExportJobs.list(value);
        };
        if (schedule.ownerSeesAll()) {
            Set<String> existing = new HashSet<>(em.createQuery("select s.code from ExperimentSession s", String.class)
                    .getResultList());
            return codes.stream().filter(existing::contains).toList();
        }
        Set<String> researchable = new HashSet<>(em.createNamedQuery("ExperimentSession.researchableBy", String.class)
                .setParameter("subject", schedule.getOwner()).setParameter("role", Roles.RESEARCHER).getResultList());
        return codes.stream().filter(researchable::contains).toList();
    }

    /**
     * Keeps the schedule's newest {@code keep} runs: older ones that have ended lose their folder and their row
     * (one still running is left for a later firing). The newest successful incremental run is kept whatever
     * its age: the next run's rows begin at its marks.
     */
    public void retain(long scheduleId, int keep) {
        List<ExportRun> all = runs(scheduleId);
        Optional<ExportRun> lastMarked = all.stream().filter(ExportRun::isMarked).filter(jobs::completed).findFirst();
        for (ExportRun old : all.subList(Math.min(keep, all.size()), all.size())) {
            if (!jobs.ended(old) || lastMarked.map(ExportRun::getId).filter(old.getId()::equals).isPresent()) {
                continue;
            }
            try {
                delete(folders.folder(old.getFolder()));
                runs.forget(old.getId()); // another bean: its transaction applies
            } catch (IOException | RuntimeException failed) {
                LOG.log(Level.WARNING, "export run " + old.getId() + ": could not delete " + old.getFolder(), failed);
            }
        }
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
