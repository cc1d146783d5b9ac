package org.ludus.export;

import java.sql.Clob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * One query's rows, read as a cursor: PostgreSQL sends them {@link #FETCH} at a time (inside a transaction, as
 * exports are), so a file of millions of rows never sits in the server's memory.
 */
final class Rows implements AutoCloseable {

    static final int FETCH = 1000;

    private final PreparedStatement statement;
    private final ResultSet rows;

    private Rows(PreparedStatement statement, ResultSet rows) {
        this.statement = statement;
        this.rows = rows;
    }

    static Rows open(Connection connection, String sql, List<?> parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY);
        try {
            statement.setFetchSize(FETCH);
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            return new Rows(statement, statement.executeQuery());
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    boolean next() throws SQLException {
        return rows.next();
    }

    /** Column {@code index}, from 1 as in JDBC; long text (a CLOB on H2) as a String. */
    Object get(int index) throws SQLException {
        Object value = rows.getObject(index);
        return value instanceof Clob ? rows.getString(index) : value;
    }

    long getLong(int index) throws SQLException {
        return rows.getLong(index);
    }

    int getInt(int index) throws SQLException {
        return rows.getInt(index);
    }

    String getString(int index) throws SQLException {
        return rows.getString(index);
    }

    @Override
    public void close() throws SQLException {
        try {
            rows.close();
        } finally {
            statement.close();
        }
    }
}
