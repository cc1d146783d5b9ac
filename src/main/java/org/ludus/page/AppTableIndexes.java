package org.ludus.page;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Indexes every app's player and group tables on the columns Ludus looks them up by. Authors write those
 * entities on top of {@code BasePlayer} and {@code BaseGroup}, and a mapped superclass cannot declare indexes
 * for its subclasses' tables, so the schema update creates none; without them each live message scanned the
 * whole player table, every session ever run included (the benchmark showed one sequential scan per bid).
 * Runs at startup, after the schema update; {@code if not exists} makes it a no-op from the second start on.
 */
@ApplicationScoped
public class AppTableIndexes {

    @Resource(lookup = "java:jboss/datasources/LudusDS")
    DataSource dataSource;

    @Inject
    AppTables tables;

    @Inject
    Apps apps;

    void create(@Observes @Initialized(ApplicationScoped.class) Object started) throws SQLException {
        try (Connection db = dataSource.getConnection(); Statement ddl = db.createStatement()) {
            for (App app : apps.all()) {
                String players = tables.players(app).name();
                ddl.execute(createIndex(players, "group_id"));
                ddl.execute(createIndex(players, "participant_id", "round_number"));
                ddl.execute(createIndex(players, "subsession_id")); // wait pages count a round's players
                ddl.execute(createIndex(tables.groups(app).name(), "subsession_id"));
                for (AppTables.Model model : tables.extraModels(app)) { // the rows of a group, of a player
                    String table = model.table().name();
                    ddl.execute("create index if not exists " + table + "_group_idx on " + table + " (group_id)");
                    ddl.execute("create index if not exists " + table + "_player_idx on " + table + " (player_id)");
                }
            }
        }
    }

    static String createIndex(String table, String... columns) {
        return "create index if not exists " + table + "_" + String.join("_", columns) + "_idx on " + table
                + " (" + String.join(", ", columns) + ")";
    }
}
