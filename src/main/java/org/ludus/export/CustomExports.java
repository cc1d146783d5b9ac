package org.ludus.export;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Arrays;
import java.util.Iterator;
import java.util.stream.Stream;
import org.ludus.export.ExportScope.SessionInfo;
import org.ludus.page.App;
import org.ludus.session.ExperimentSession;

/** Writes an app's {@link CustomExport}: its header once, then each session's rows, oldest session first. */
@ApplicationScoped
class CustomExports {

    /** Rows between two clears of the persistence context, so an export that loads entities stays small. */
    static final int CLEAR_EVERY = 1000;

    @PersistenceContext
    EntityManager em;

    void write(ExportScope scope, App app, RowOut out) {
        CustomExport export = (CustomExport) app;
        out.row(export.customExportHeader());
        long written = 0;
        for (SessionInfo info : scope.sessions()) {
            ExperimentSession session = em.find(ExperimentSession.class, info.id());
            try (Stream<Object[]> rows = export.customExportRows(session)) {
                for (Iterator<Object[]> it = rows.iterator(); it.hasNext(); ) {
                    out.row(Arrays.asList(it.next()));
                    if (++written % CLEAR_EVERY == 0) {
                        em.clear();
                    }
                }
            }
        }
    }
}
