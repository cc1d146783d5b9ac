package org.ludus.export;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.ludus.JsonText;
import org.ludus.page.AppTables.AppField;
import org.ludus.export.ExportScope.SessionInfo;
import org.ludus.page.App;
import org.ludus.page.AppTables;
import org.ludus.page.Apps;
import org.ludus.page.PageBeans;

/**
 * oTree's two data files, column for column: all apps wide (a row per participant) and per app (a row per
 * player and round). Both are cursors merged in order, so a file of any size streams through constant memory.
 */
@ApplicationScoped
class AppExports {

    /** The session config keys oTree does not export as session.config.* (they are not "editable fields"). */
    private static final Set<String> NOT_CONFIG_FIELDS = Set.of("name", "display_name", "app_sequence",
            "num_demo_participants", "participation_fee", "real_world_currency_per_point", "doc");

    @Inject
    Apps apps;

    @Inject
    AppTables tables;

    @Inject
    PageBeans pageBeans;

    /** An app's columns as the per-app file names them: player.*, group.*, subsession.*. */
    List<Column> appColumns(App app) {
        var columns = new ArrayList<Column>();
        columns.add(Column.of("player.id_in_group", "integer", "The player's number in their group, from 1."));
        columns.add(Column.of("player.role", "text", "Not used by Ludus; empty."));
        columns.add(Column.of("player.payoff", "decimal", "The player's payoff in this round, in points."));
        tables.players(app).fields().forEach(f -> columns.add(Column.describing(f).named("player." + f.column())));
        columns.add(Column.of("group.id_in_subsession", "integer", "The group's number in its round, from 1."));
        tables.groups(app).fields().forEach(f -> columns.add(Column.describing(f).named("group." + f.column())));
        columns.add(Column.of("subsession.round_number", "integer", "The round, from 1."));
        return columns;
    }

    /** The per-app file: participant columns, the app's columns, session columns; by session, round, participant. */
    void perApp(Connection db, ExportScope scope, App app, RowOut out) throws SQLException {
        var header = new ArrayList<Column>(FixedColumns.PARTICIPANT);
        header.addAll(appColumns(app));
        header.addAll(FixedColumns.SESSION);
        out.row(Column.names(header));
        List<AppField> playerFields = tables.players(app).fields();
        List<AppField> groupFields = tables.groups(app).fields();
        String sql = "select " + FixedColumns.participantSelect(payoffSql()) + ", " + appSelect(app)
                + ", pa.session_id" + fromPlayers(app) + scope.where("pa.session_id")
                + " order by pa.session_id, p.round_number, pa.id_in_session";
        int appFirst = FixedColumns.PARTICIPANT_SELECT_COLUMNS + 1;
        int sessionColumn = appFirst + appSelectColumns(playerFields, groupFields);
        try (Rows rows = Rows.open(db, sql, scope.parameters())) {
            while (rows.next()) {
                SessionInfo session = scope.session(rows.getLong(sessionColumn));
                var row = new ArrayList<>(FixedColumns.participantCells(rows, 1, session, pageBeans));
                row.addAll(appCells(rows, appFirst, playerFields, groupFields));
                row.addAll(FixedColumns.sessionCells(session));
                out.row(row);
            }
        }
    }

    /** The per-app file's rows: one per player (of every round) of the app in the scope's sessions. */
    long countPerApp(Connection db, ExportScope scope, App app) throws SQLException {
        return new Query("select p.id" + fromPlayers(app) + scope.where("pa.session_id"), scope.parameters()).count(db);
    }

    /** The wide file's rows: one per participant. */
    long countWide(Connection db, ExportScope scope) throws SQLException {
        return new Query("select pa.id from participant pa" + scope.where("pa.session_id"), scope.parameters()).count(db);
    }

    /**
     * The wide file: per participant, their own columns and vars, their session's, then for each app and round
     * (in the order the sessions' app sequences name them) that player's, group's and subsession's columns.
     */
    void wide(Connection db, ExportScope scope, RowOut out) throws SQLException {
        List<String> participantVars = participantVarKeys(db, scope);
        List<String> configKeys = configKeys(scope);
        List<String> sessionVars = new ArrayList<>(keysOf(scope.sessions().stream().map(SessionInfo::vars).toList()));
        Map<App, Integer> rounds = roundsPerApp(db, scope);

        var header = new ArrayList<>(Column.names(FixedColumns.PARTICIPANT));
        participantVars.forEach(key -> header.add(varColumn("participant.", key, FixedColumns.PARTICIPANT)));
        header.addAll(Column.names(FixedColumns.SESSION));
        configKeys.forEach(key -> header.add("session.config." + key));
        sessionVars.forEach(key -> header.add(varColumn("session.", key, FixedColumns.SESSION)));
        rounds.forEach((app, count) -> {
            List<String> columns = Column.names(appColumns(app));
            for (int round = 1; round <= count; round++) {
                for (String column : columns) {
                    header.add(app.name() + "." + round + "." + column);
                }
            }
        });
        out.row(header);

        var cursors = new ArrayList<RoundCursor>();
        try (Rows participants = Rows.open(db, "select " + FixedColumns.participantSelect(payoffSql())
                + ", pa.session_id, pa.vars_json from participant pa" + scope.where("pa.session_id")
                + " order by pa.session_id, pa.id_in_session", scope.parameters())) {
            for (var entry : rounds.entrySet()) {
                cursors.add(new RoundCursor(db, scope, entry.getKey(), entry.getValue()));
            }
            int sessionColumn = FixedColumns.PARTICIPANT_SELECT_COLUMNS + 1;
            while (participants.next()) {
                long sessionId = participants.getLong(sessionColumn);
                int idInSession = participants.getInt(1);
                SessionInfo session = scope.session(sessionId);
                var row = new ArrayList<>(FixedColumns.participantCells(participants, 1, session, pageBeans));
                JsonObject vars = json(participants.getString(sessionColumn + 1));
                participantVars.forEach(key -> row.add(vars.get(key)));
                row.addAll(FixedColumns.sessionCells(session));
                configKeys.forEach(key -> row.add(session.config().get(key)));
                sessionVars.forEach(key -> row.add(session.vars().get(key)));
                for (RoundCursor cursor : cursors) {
                    cursor.cellsOf(sessionId, idInSession, row);
                }
                out.row(row);
            }
        } finally {
            for (RoundCursor cursor : cursors) {
                cursor.close();
            }
        }
    }

    /** One app's players ordered by participant and round, walked alongside the participants. */
    private final class RoundCursor implements AutoCloseable {
        private final Rows rows;
        private final int rounds;
        private final int width;
        private final List<AppField> playerFields;
        private final List<AppField> groupFields;
        private boolean hasRow;

        RoundCursor(Connection db, ExportScope scope, App app, int rounds) throws SQLException {
            this.rounds = rounds;
            this.playerFields = tables.players(app).fields();
            this.groupFields = tables.groups(app).fields();
            this.width = appColumns(app).size();
            this.rows = Rows.open(db, "select pa.session_id, pa.id_in_session, " + appSelect(app) + fromPlayers(app)
                    + scope.where("pa.session_id") + " order by pa.session_id, pa.id_in_session, p.round_number",
                    scope.parameters());
            this.hasRow = rows.next();
        }

        /** Adds the participant's cells for every round: a round without a player is empty cells. */
        void cellsOf(long sessionId, int idInSession, List<Object> row) throws SQLException {
            while (hasRow && before(sessionId, idInSession)) { // a player whose participant is gone: skip it
                hasRow = rows.next();
            }
            for (int round = 1; round <= rounds; round++) {
                if (hasRow && rows.getLong(1) == sessionId && rows.getInt(2) == idInSession
                        && roundOfRow() == round) {
                    row.addAll(appCells(rows, 3, playerFields, groupFields));
                    hasRow = rows.next();
                } else {
                    for (int i = 0; i < width; i++) {
                        row.add(null);
                    }
                }
            }
        }

        private boolean before(long sessionId, int idInSession) throws SQLException {
            long rowSession = rows.getLong(1);
            return rowSession < sessionId || rowSession == sessionId && rows.getInt(2) < idInSession;
        }

        private int roundOfRow() throws SQLException {
            return rows.getInt(3 + appSelectColumns(playerFields, groupFields) - 1);
        }

        @Override
        public void close() throws SQLException {
            rows.close();
        }
    }

    /** p.id_in_group, p.payoff, the player's fields, g.id_in_subsession, the group's fields, p.round_number. */
    private String appSelect(App app) {
        var select = new StringBuilder("p.id_in_group, p.payoff");
        tables.players(app).fields().forEach(f -> select.append(", p.").append(f.column()));
        select.append(", g.id_in_subsession");
        tables.groups(app).fields().forEach(f -> select.append(", g.").append(f.column()));
        return select.append(", p.round_number").toString();
    }

    private static int appSelectColumns(List<AppField> playerFields, List<AppField> groupFields) {
        return 4 + playerFields.size() + groupFields.size();
    }

    private String fromPlayers(App app) {
        return " from " + tables.players(app).name() + " p join participant pa on pa.id = p.participant_id join "
                + tables.groups(app).name() + " g on g.id = p.group_id";
    }

    /** The cells of {@link #appColumns} from the {@link #appSelect} columns starting at {@code first}. */
    private static List<Object> appCells(Rows rows, int first, List<AppField> playerFields, List<AppField> groupFields)
            throws SQLException {
        var cells = new ArrayList<>();
        int column = first;
        cells.add(rows.get(column++)); // id_in_group
        cells.add(null); // role
        cells.add(rows.get(column++)); // payoff
        for (int i = 0; i < playerFields.size(); i++) {
            cells.add(rows.get(column++));
        }
        cells.add(rows.get(column++)); // id_in_subsession
        for (int i = 0; i < groupFields.size(); i++) {
            cells.add(rows.get(column++));
        }
        cells.add(rows.get(column)); // round_number
        return cells;
    }

    /** The participant's payoff in points: the sum over every app's player table (each indexed by participant). */
    String payoffSql() {
        var sum = new StringBuilder();
        for (App app : apps.all()) {
            sum.append(sum.isEmpty() ? "" : " + ").append("coalesce((select sum(x.payoff) from ")
                    .append(tables.players(app).name()).append(" x where x.participant_id = pa.id), 0)");
        }
        return sum.isEmpty() ? "0" : "(" + sum + ")";
    }

    /** Apps in the order the sessions' sequences name them (first appearance), with their highest round. */
    private Map<App, Integer> roundsPerApp(Connection db, ExportScope scope) throws SQLException {
        var names = new LinkedHashSet<String>();
        scope.sessions().forEach(session -> names.addAll(session.appSequence()));
        var rounds = new LinkedHashMap<App, Integer>();
        for (String name : names) {
            Optional<App> app = apps.find(name);
            if (app.isEmpty()) {
                continue; // an app no longer deployed: its tables are not known
            }
            try (Rows max = Rows.open(db, "select max(round_number) from subsession where app_name = ?"
                    + scope.and("session_id"), withFirst(name, scope.parameters()))) {
                if (max.next() && max.get(1) != null) {
                    rounds.put(app.get(), max.getInt(1));
                }
            }
        }
        return rounds;
    }

    /** name, participation_fee, real_world_currency_per_point, then every custom key, alphabetically. */
    private static List<String> configKeys(ExportScope scope) {
        var custom = new TreeSet<String>();
        scope.sessions().forEach(session -> session.config().keySet().stream()
                .filter(key -> !NOT_CONFIG_FIELDS.contains(key)).forEach(custom::add));
        var keys = new ArrayList<>(List.of("name", "participation_fee", "real_world_currency_per_point"));
        keys.addAll(custom);
        return keys;
    }

    /** Every key of the participants' vars, in the order they first appear. */
    private static List<String> participantVarKeys(Connection db, ExportScope scope) throws SQLException {
        var keys = new LinkedHashSet<String>();
        try (Rows rows = Rows.open(db, "select pa.vars_json from participant pa" + scope.where("pa.session_id")
                + " order by pa.session_id, pa.id_in_session", scope.parameters())) {
            while (rows.next()) {
                keys.addAll(json(rows.getString(1)).keySet());
            }
        }
        return List.copyOf(keys);
    }

    private static Set<String> keysOf(List<JsonObject> objects) {
        var keys = new LinkedHashSet<String>();
        objects.forEach(object -> keys.addAll(object.keySet()));
        return keys;
    }

    /** "participant.{key}", unless that is one of the fixed columns: then "participant.vars.{key}". */
    private static String varColumn(String prefix, String key, List<Column> fixed) {
        String name = prefix + key;
        return Column.names(fixed).contains(name) ? prefix + "vars." + key : name;
    }

    private static List<Object> withFirst(Object first, List<Object> rest) {
        var all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static JsonObject json(String text) {
        return text == null || text.isBlank() ? JsonValue.EMPTY_JSON_OBJECT : JsonText.readObject(text);
    }
}
