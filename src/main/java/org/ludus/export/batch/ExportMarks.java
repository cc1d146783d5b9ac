package org.ludus.export.batch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ludus.export.ExportMark;

/**
 * Records an incremental run's marks ({@link org.ludus.export.Window}) in the transaction that creates the run:
 * how far each group's live messages and each participant's pages went, read with one INSERT … SELECT per log
 * and per few hundred sessions. Whatever commits later is the next run's.
 */
@ApplicationScoped
public class ExportMarks {

    /** Sessions per statement: far below any database's limit on parameters. */
    private static final int BATCH = 500;

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(long runId, List<Long> sessionIds) {
        for (List<Long> some : batches(sessionIds)) {
            String in = String.join(", ", Collections.nCopies(some.size(), "?"));
            var live = em.createNativeQuery("insert into ludus_export_mark (run_id, kind, app_name, key_id, session_id, mark)"
                    + " select ?, '" + ExportMark.LIVE + "', l.app_name, l.group_id, l.session_id, max(l.seq) from live_log l"
                    + " where l.session_id in (" + in + ") group by l.app_name, l.group_id, l.session_id");
            var pages = em.createNativeQuery("insert into ludus_export_mark (run_id, kind, app_name, key_id, session_id, mark)"
                    + " select ?, '" + ExportMark.PAGES + "', '', pa.id, pa.session_id, coalesce(max(t.page_index) + 1, 0)"
                    + " from participant pa left join page_time t on t.participant_id = pa.id and t.completed_at is not null"
                    + " where pa.started_at is not null and pa.session_id in (" + in + ") group by pa.id, pa.session_id");
            for (var insert : List.of(live, pages)) {
                insert.setParameter(1, runId);
                for (int i = 0; i < some.size(); i++) {
                    insert.setParameter(i + 2, some.get(i));
                }
                insert.executeUpdate();
            }
        }
    }

    /** The sessions with a mark of run {@code runId} that run {@code since} did not have (all with marks if none). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<Long> changed(long runId, Long since) {
        List<?> ids = em.createNativeQuery("select distinct u.session_id from ludus_export_mark u where u.run_id = ?1"
                + " and not exists (select 1 from ludus_export_mark p where p.run_id = ?2 and p.kind = u.kind"
                + " and p.app_name = u.app_name and p.key_id = u.key_id and p.mark = u.mark)")
                .setParameter(1, runId).setParameter(2, since == null ? -1L : since).getResultList();
        var changed = new HashSet<Long>();
        ids.forEach(id -> changed.add(((Number) id).longValue()));
        return changed;
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public void forget(long runId) {
        em.createNativeQuery("delete from ludus_export_mark where run_id = ?1").setParameter(1, runId).executeUpdate();
    }

    private static List<List<Long>> batches(List<Long> ids) {
        var batches = new ArrayList<List<Long>>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            batches.add(ids.subList(from, Math.min(ids.size(), from + BATCH)));
        }
        return batches;
    }
}
