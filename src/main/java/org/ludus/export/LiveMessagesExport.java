package org.ludus.export;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The live-message log (beyond oTree): a row per committed live message, by session, group and the group's
 * commit order ({@code seq}), read along the log's unique index on exactly that order; an incremental run's
 * only between its marks ({@link Window}).
 */
final class LiveMessagesExport {

    static final List<Column> COLUMNS = List.of(
            Column.of("session_code", "text", "The session's code."),
            Column.of("app_name", "text", "The app of the page the message came from."),
            Column.of("round_number", "integer", "The round."),
            Column.of("page_index", "integer", "The page's place in the sequence as oTree counts (1 is the first)."),
            Column.of("page_name", "text", "The page whose live method ran."),
            Column.of("group_id", "integer", "The group's id in the database (unique within the app)."),
            Column.of("group_id_in_subsession", "integer", "The group's number in its round."),
            Column.of("participant_code", "text", "Who sent the message."),
            Column.of("id_in_group", "integer", "The sender's number in the group."),
            Column.of("client_id", "text", "The page load that sent it (ludus.js picks one per load)."),
            Column.of("message_id", "integer", "The message's number from that page load, from 1."),
            Column.of("seq", "integer", "The message's number in its group's commit order: 1, 2, 3, … without gaps."),
            Column.of("received_at", "timestamp", "When the server received the message."),
            Column.of("committed_at", "timestamp", "When its changes were written, just before the commit."),
            Column.of("data", "json", "The message's data, as the page sent it (liveSend's argument)."),
            Column.of("delivered", "json", "What the live method's reply delivered to whom:"
                    + " {\"id_in_group\": payload, …} for every player it reached."));

    private LiveMessagesExport() {
    }

    static Query query(ExportScope scope, Window window) {
        String sql = "select l.session_code, l.app_name, l.round_number, l.page_index + 1, l.page_name, l.group_id,"
                + " l.group_id_in_subsession, l.participant_code, l.id_in_group, l.client_id, l.message_id, l.seq,"
                + " l.received_at, l.committed_at, l.data_json, l.delivered_json from live_log l"
                + (window == null ? scope.where("l.session_id")
                        : window.liveJoin() + " where l.seq <= u.mark and l.seq > coalesce(p.mark, 0)"
                                + scope.and("l.session_id"));
        var parameters = new ArrayList<Object>(window == null ? List.of() : window.parameters());
        parameters.addAll(scope.parameters());
        return new Query(sql, parameters);
    }

    /** @param window the rows of an incremental run, or null for all */
    static void write(Connection db, ExportScope scope, Window window, RowOut out) throws SQLException {
        out.row(Column.names(COLUMNS));
        int width = COLUMNS.size();
        try (Rows rows = query(scope, window).open(db, "l.session_id, l.app_name, l.group_id, l.seq")) {
            while (rows.next()) {
                var row = new ArrayList<>(width);
                for (int i = 1; i <= width; i++) {
                    row.add(rows.get(i));
                }
                out.row(row);
            }
        }
    }
}
