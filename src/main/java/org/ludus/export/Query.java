package org.ludus.export;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * An export's query without its order: the export reads its rows in order, an export job counts them first
 * (the progress "rows written of rows expected") with this very query, so the two never disagree.
 */
record Query(String sql, List<Object> parameters) {

    Rows open(Connection db, String orderBy) throws SQLException {
        return Rows.open(db, sql + " order by " + orderBy, parameters);
    }

    long count(Connection db) throws SQLException {
        try (Rows rows = Rows.open(db, "select count(*) from (" + sql + ") counted", parameters)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
