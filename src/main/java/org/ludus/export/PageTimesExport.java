package org.ludus.export;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.ludus.export.ExportScope.SessionInfo;

/**
 * oTree's page times: a row per completed page (wait pages included), each participant's first row being
 * oTree's InitializeParticipant at page 0, when they opened their start link; chronological per session.
 */
final class PageTimesExport {

    static final List<Column> COLUMNS = List.of(
            Column.of("session_code", "text", "The session's code."),
            Column.of("participant_id_in_session", "integer", "The participant's number in the session."),
            Column.of("participant_code", "text", "The participant's code."),
            Column.of("page_index", "integer", "The page's place in the sequence as oTree counts: 1 is the first"
                    + " page, 0 the start link (InitializeParticipant)."),
            Column.of("app_name", "text", "The page's app."),
            Column.of("page_name", "text", "The page."),
            Column.of("epoch_time_completed", "integer", "When the participant left the page, in seconds since"
                    + " 1970-01-01 UTC."),
            Column.of("round_number", "integer", "The page's round."),
            Column.of("timeout_happened", "boolean", "1 if the page was left by its timeout."),
            Column.of("is_wait_page", "boolean", "1 for a wait page."));

    private PageTimesExport() {
    }

    static Query query(ExportScope scope, Window window) {
        // page rows (kind 1) and start rows (kind 0), one cursor in time order; an incremental run's rows are
        // those whose oTree page index (0 for the start) is within the participant's marks
        String sql = "select t.session_id, pa.id_in_session, pa.code, t.page_index + 1, t.app_name, t.page_name,"
                + " t.completed_at, t.round_number, t.timeout_happened, t.wait_page, 1 as kind, t.id"
                + " from page_time t join participant pa on pa.id = t.participant_id"
                + (window == null ? "" : window.pageJoin("t.participant_id"))
                + " where t.completed_at is not null" + scope.and("t.session_id")
                + (window == null ? "" : " and t.page_index + 1 <= u.mark and t.page_index + 1 > coalesce(p.mark, -1)")
                + " union all select pa.session_id, pa.id_in_session, pa.code, 0, null, 'InitializeParticipant',"
                + " pa.started_at, 1, false, false, 0 as kind, pa.id from participant pa"
                + (window == null ? "" : window.pageJoin("pa.id"))
                + " where pa.started_at is not null" + scope.and("pa.session_id")
                + (window == null ? "" : " and p.mark is null");
        var parameters = new ArrayList<Object>();
        for (int part = 0; part < 2; part++) {
            if (window != null) {
                parameters.addAll(window.parameters());
            }
            parameters.addAll(scope.parameters());
        }
        return new Query(sql, parameters);
    }

    /** @param window the rows of an incremental run, or null for all */
    static void write(Connection db, ExportScope scope, Window window, RowOut out) throws SQLException {
        out.row(Column.names(COLUMNS));
        try (Rows rows = query(scope, window).open(db, "1, 7, 11, 12")) {
            while (rows.next()) {
                SessionInfo session = scope.session(rows.getLong(1));
                boolean start = rows.getInt(11) == 0;
                List<String> apps = session.appSequence();
                out.row(java.util.Arrays.asList(session.code(), rows.get(2), rows.get(3), rows.get(4),
                        start ? (apps.isEmpty() ? null : apps.get(0)) : rows.get(5), rows.get(6),
                        epochSeconds(rows.get(7)), rows.get(8), rows.get(9), rows.get(10)));
            }
        }
    }

    private static Long epochSeconds(Object timestamp) {
        if (timestamp instanceof java.sql.Timestamp t) {
            return t.toInstant().getEpochSecond();
        }
        if (timestamp instanceof OffsetDateTime t) {
            return t.toEpochSecond();
        }
        if (timestamp instanceof Instant t) {
            return t.getEpochSecond();
        }
        return null;
    }
}
