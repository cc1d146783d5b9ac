package org.ludus.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the server's database directly, so ITs check what was stored, not what the server says it stored. */
public final class Database {

    private Database() {
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("ludus.it.jdbcUrl"),
                System.getProperty("ludus.it.jdbcUser"), System.getProperty("ludus.it.jdbcPassword"));
    }

    /** The first column of every row. */
    public static List<Object> column(String sql, Object... parameters) {
        try (Connection connection = connect(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            var values = new ArrayList<Object>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getObject(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs an update; returns the rows it changed. */
    public static int update(String sql, Object... parameters) {
        try (Connection connection = connect(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Deletes an auction session and everything of it, as a lab's database administrator might (Ludus itself has
     * no route that deletes a session): its bids, players, groups, rounds, logs, participants and shares.
     */
    public static void deleteSession(String code) {
        String session = "(select id from ludus_session where code = ?)";
        String subsessions = "(select id from subsession where session_id in " + session + ")";
        for (String sql : List.of(
                "delete from auction_bid where group_id in (select id from auction_group where subsession_id in " + subsessions + ")",
                "delete from auction_player where subsession_id in " + subsessions,
                "delete from auction_group where subsession_id in " + subsessions,
                "delete from subsession where session_id in " + session,
                "delete from page_time where session_id in " + session,
                "delete from live_log where session_id in " + session,
                "delete from participant where session_id in " + session,
                "delete from ludus_session_share where session_id in " + session,
                "delete from ludus_session where code = ?")) {
            update(sql, code);
        }
    }

    public static Object single(String sql, Object... parameters) {
        List<Object> values = column(sql, parameters);
        if (values.size() != 1) {
            throw new AssertionError("expected one row, got " + values.size() + " for " + sql);
        }
        return values.get(0);
    }
}
