package org.ludus.export;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.ludus.export.ExportScope.SessionInfo;
import org.ludus.page.App;
import org.ludus.page.Players;
import org.ludus.page.AppTables;
import org.ludus.session.ExperimentSession;

/**
 * Writes an app's {@link CustomExport}: its header once, then each session's rows, oldest session first. An app
 * that writes none but has {@link org.ludus.session.ExtraModel}s gets one made of them: a row per extra-model
 * row, where it happened (session, round, group, player), then the model's own fields; with more than one model
 * a first column {@code model} names the entity and each model's fields have columns of their own.
 */
@ApplicationScoped
public class CustomExports {

    /** Rows between two clears of the persistence context, so an export that loads entities stays small. */
    static final int CLEAR_EVERY = 1000;

    private static final List<String> WHERE = List.of("session_code", "round_number", "group_id_in_subsession",
            "id_in_group", "participant_code");

    @PersistenceContext
    EntityManager em;

    @Inject
    AppTables tables;

    @Inject
    Players players;

    /** The app's custom export: its own, else one of its extra models, else none. */
    public Optional<CustomExport> of(App app) {
        if (app instanceof CustomExport own) {
            return Optional.of(own);
        }
        List<AppTables.Model> models = tables.extraModels(app);
        return models.isEmpty() ? Optional.empty() : Optional.of(new ExtraModelExport(models));
    }

    void write(ExportScope scope, App app, RowOut out) {
        CustomExport export = of(app).orElseThrow();
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

    private final class ExtraModelExport implements CustomExport {
        private final List<AppTables.Model> models;
        private final List<String> header = new ArrayList<>();

        ExtraModelExport(List<AppTables.Model> models) {
            this.models = models;
            if (models.size() > 1) {
                header.add("model");
            }
            header.addAll(WHERE);
            for (AppTables.Model model : models) {
                model.table().fields().forEach(field -> header.add(models.size() > 1
                        ? model.table().name() + "." + field.column() : field.column()));
            }
        }

        @Override
        public List<String> customExportHeader() {
            return header;
        }

        @Override
        public Stream<Object[]> customExportRows(ExperimentSession session) {
            int width = header.size();
            Stream<Object[]> all = Stream.empty();
            int before = (models.size() > 1 ? 1 : 0) + WHERE.size();
            for (AppTables.Model model : models) {
                int offset = before;
                before += model.table().fields().size();
                var select = new StringBuilder("select s.code, g.roundNumber, g.idInSubsession, p.idInGroup, pa.code");
                model.table().fields().forEach(field -> select.append(", e.").append(field.field().getName()));
                select.append(" from ").append(players.entityName(model.entity()))
                        .append(" e join e.group g join g.subsession ss join ss.session s left join e.player p")
                        .append(" left join p.participant pa where s = :session order by g.roundNumber,")
                        .append(" g.idInSubsession, e.id");
                Stream<Object[]> rows = em.createQuery(select.toString(), Object[].class)
                        .setParameter("session", session)
                        .setHint("org.hibernate.fetchSize", 1000)
                        .getResultStream()
                        .map(row -> {
                            Object[] cells = new Object[width];
                            int at = 0;
                            if (models.size() > 1) {
                                cells[at++] = model.entity().getSimpleName();
                            }
                            System.arraycopy(row, 0, cells, at, WHERE.size());
                            System.arraycopy(row, WHERE.size(), cells, offset, row.length - WHERE.size());
                            return cells;
                        });
                all = Stream.concat(all, rows);
            }
            return all;
        }
    }
}
