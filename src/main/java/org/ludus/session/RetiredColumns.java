package org.ludus.session;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Drops the columns of Ludus's own tables (and its example apps') that no entity maps any more. Hibernate's schema update adds
 * columns but never drops one, and a retired NOT NULL column without a default would make every insert fail
 * (participant.live_seq, the duplicate guard before the live-message log). Runs at startup, after the schema
 * update; a no-op once the columns are gone. Versioned migrations will take this over.
 */
@ApplicationScoped
public class RetiredColumns {

    /** table, column: retired in this release. */
    static final String[][] RETIRED = {{"participant", "live_client"}, {"participant", "live_seq"},
            // the example auction's bids became an ExtraModel: amount is now bid, id_in_group is player_id
            {"auction_bid", "amount"}, {"auction_bid", "id_in_group"}};

    @Resource(lookup = "java:jboss/datasources/LudusDS")
    DataSource dataSource;

    void drop(@Observes @Initialized(ApplicationScoped.class) Object started) throws SQLException {
        try (Connection db = dataSource.getConnection(); Statement ddl = db.createStatement()) {
            for (String[] retired : RETIRED) {
                ddl.execute("alter table " + retired[0] + " drop column if exists " + retired[1]);
            }
        }
    }
}
