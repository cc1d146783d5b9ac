package org.ludus.export;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.ludus.Settings;

/**
 * Runs an export inside one read-only transaction that sees one snapshot of the database: a file taken
 * while bids commit shows each message entirely or not at all, and every statement of the export (several
 * cursors for the wide file) agrees with the others. PostgreSQL: REPEATABLE READ, set for this transaction
 * only. H2: its SNAPSHOT level on the connection, which the pool resets when the connection goes back.
 * A JTA transaction, so that an app's custom export, through its EntityManager, reads the same snapshot on
 * the same connection.
 */
@ApplicationScoped
public class Snapshots {

    /** H2's own isolation level beyond JDBC's constants (org.h2.engine.Constants.TRANSACTION_SNAPSHOT). */
    private static final int H2_SNAPSHOT = 6;

    /** A whole-database export may take a while; the server's default transaction timeout is 5 minutes. */
    static final int TIMEOUT_SECONDS = Settings.positive("ludus.export.timeoutSeconds", 3600);

    public interface Work {
        void run(Connection snapshot) throws Exception;
    }

    @Resource(lookup = "java:comp/UserTransaction")
    UserTransaction transaction;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    public void read(Work work) throws Exception {
        transaction.setTransactionTimeout(TIMEOUT_SECONDS);
        transaction.begin();
        try {
            try (Connection connection = dataSource.getConnection()) {
                isolate(connection);
                work.run(connection);
            }
            transaction.commit();
        } catch (Exception | Error e) {
            rollback();
            throw e;
        } finally {
            transaction.setTransactionTimeout(0); // back to the server's default for this thread's next ones
        }
    }

    private static void isolate(Connection connection) throws SQLException {
        if (connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
            try (Statement set = connection.createStatement()) {
                set.execute("set transaction isolation level repeatable read, read only");
            }
        } else {
            connection.setTransactionIsolation(H2_SNAPSHOT);
        }
    }

    private void rollback() {
        try {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        } catch (SystemException | IllegalStateException | SecurityException ignored) {
            // the first failure is the one to report
        }
    }
}
