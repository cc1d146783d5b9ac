package org.ludus.export;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.ludus.export.ExportScope.SessionInfo;
import org.ludus.page.PageBeans;
import org.ludus.page.PageRef;
import org.ludus.page.PageSequence;

/**
 * The participant and session columns every oTree file starts or ends with, and how to fill them. Columns
 * oTree has and Ludus has no data for (_is_bot, mturk_*, label and comment of a session) stay, empty, so
 * the files keep oTree's shape. Page numbers are oTree's: 1 is the first page (Ludus's URLs count from 0).
 */
final class FixedColumns {

    static final List<Column> PARTICIPANT = List.of(
            Column.of("participant.id_in_session", "integer", "The participant's number in the session, from 1."),
            Column.of("participant.code", "text", "The participant's code, as in their start link."),
            Column.of("participant.label", "text", "The label a room or the start link's participant_label gave."),
            Column.of("participant._is_bot", "boolean", "Not recorded by Ludus; empty."),
            Column.of("participant._index_in_pages", "integer", "The page the participant is on, as oTree counts:"
                    + " 0 before the start, 1 for the first page, one past _max_page_index when finished."),
            Column.of("participant._max_page_index", "integer", "The number of pages in the session's sequence."),
            Column.of("participant._current_app_name", "text", "The app of the page the participant is on."),
            Column.of("participant._current_page_name", "text", "The page the participant is on."),
            Column.of("participant.time_started_utc", "timestamp", "When the participant opened their start link."),
            Column.of("participant.visited", "boolean", "1 once the participant opened their start link."),
            Column.of("participant.mturk_worker_id", "text", "Not used by Ludus; empty."),
            Column.of("participant.mturk_assignment_id", "text", "Not used by Ludus; empty."),
            Column.of("participant.payoff", "decimal", "The participant's payoff in points: the sum of their"
                    + " players' payoffs over every app and round."));

    static final List<Column> SESSION = List.of(
            Column.of("session.code", "text", "The session's code."),
            Column.of("session.label", "text", "Not recorded by Ludus; empty."),
            Column.of("session.mturk_HITId", "text", "Not used by Ludus; empty."),
            Column.of("session.mturk_HITGroupId", "text", "Not used by Ludus; empty."),
            Column.of("session.comment", "text", "Not recorded by Ludus; empty."),
            Column.of("session.is_demo", "boolean", "1 for a session made on the demo page."));

    /** The {@link #PARTICIPANT} cells come from these columns of the participant row (alias {@code pa}). */
    static String participantSelect(String payoffSql) {
        return "pa.id_in_session, pa.code, pa.label, pa.visited, pa.index_in_pages, pa.started_at, " + payoffSql;
    }

    static final int PARTICIPANT_SELECT_COLUMNS = 7;

    private FixedColumns() {
    }

    /** The 13 participant cells from the {@link #participantSelect} columns starting at {@code first}. */
    static List<Object> participantCells(Rows rows, int first, SessionInfo session, PageBeans pageBeans)
            throws SQLException {
        boolean visited = Boolean.TRUE.equals(rows.get(first + 3));
        int index = rows.getInt(first + 4);
        PageSequence sequence = session.sequence(pageBeans);
        PageRef page = !visited || sequence == null || sequence.size() == 0 ? null
                : sequence.at(Math.min(index, sequence.size() - 1)).orElse(null); // finished: the last page
        var cells = new ArrayList<Object>(PARTICIPANT.size());
        cells.add(rows.get(first));
        cells.add(rows.get(first + 1));
        cells.add(rows.get(first + 2));
        cells.add(null);
        cells.add(visited ? index + 1 : 0);
        cells.add(sequence == null ? null : sequence.size());
        cells.add(page == null ? null : page.app().name());
        cells.add(page == null ? null : page.name());
        cells.add(rows.get(first + 5));
        cells.add(visited);
        cells.add(null);
        cells.add(null);
        cells.add(rows.get(first + 6));
        return cells;
    }

    static List<Object> sessionCells(SessionInfo session) {
        var cells = new ArrayList<Object>(SESSION.size());
        cells.add(session.code());
        cells.add(null);
        cells.add(null);
        cells.add(null);
        cells.add(null);
        cells.add(session.demo());
        return cells;
    }
}
