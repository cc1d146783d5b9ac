package org.ludus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ludus.schema.Changelogs;
import org.ludus.testkit.LudusApi;
import org.ludus.testkit.LudusDeployment;

/**
 * Schema changes that never break data (decision 0024), on second servers that run as production does
 * (validate, production's default for LUDUS_SCHEMA): a database the previous release filled is baselined and keeps every row; an app's
 * change (a field added, one removed, one renamed) with its changelog keeps the app's data; and an app change without
 * its changeset refuses to deploy, naming the table and the column.
 */
@ExtendWith(ArquillianExtension.class)
class SchemaUpgradeIT {

    /** Ludus's own tables and the example apps' that the previous release's database has rows in, each of them. */
    private static final List<String> FILLED = List.of("ludus_session", "participant", "subsession", "live_log",
            "page_time", "wait_arrival", "room_participant_vars", "ludus_export_run", "ludus_export_file",
            "ludus_export_mark", "ludus_export_schedule", "ludus_audit", "ludus_lab_user", "ludus_rest_key",
            "ludus_session_share", "auction_group", "auction_player", "auction_bid", "market_group", "market_player",
            "market_trade", "tictactoe_group", "tictactoe_player", "bargaining_player", "customwait_player",
            "tenmessages_player");

    /** How these servers run: as production does (a second server otherwise takes the suite's update). */
    private static final String PRODUCTION = "-Dludus.schema=validate";

    private static final String EVOLVE_CHANGELOG = "org/ludus/testapps/evolve/changelog.xml";

    /** Arquillian's server only brings the suite's configuration up; this test runs its own second servers. */
    @Deployment(testable = false)
    static WebArchive deployment() {
        return LudusDeployment.war();
    }

    @Test
    @RunAsClient
    void aDatabaseOfThePreviousReleaseIsBaselinedAndKeepsEveryRow() throws Exception {
        SecondServer server = new SecondServer("upgrade-server").prepare().ownDatabase("ludus_upgrade_it");
        loadPreviousRelease(server);
        Map<String, Long> before = rowCounts(server);
        for (String table : FILLED) {
            assertTrue(before.getOrDefault(table, 0L) > 0, "the previous release's database has rows in " + table);
        }
        try {
            server.start(PRODUCTION);
            // WildFly writes "Deployed" for a deployment that failed at boot too: the API answering says it did not
            assertEquals(200, new LudusApi(server.base()).get("/api/sessions/").statusCode(), "deployed");
            Map<String, Long> after = rowCounts(server);
            // none lost; some tables may have more: the started server moves on participants whose page timed out
            // meanwhile (page_time, wait_arrival rows)
            before.forEach((table, rows) -> assertTrue(after.get(table) >= rows, "rows of " + table + ": " + rows
                    + " before, " + after.get(table) + " after"));
            try (Connection db = connect(server); var history = db.createStatement().executeQuery(
                    "select filename, count(*) from databasechangelog group by filename")) {
                var files = new TreeMap<String, Long>();
                while (history.next()) {
                    files.put(history.getString(1), history.getLong(2));
                }
                for (String file : List.of("db/ludus/0001-baseline.xml", "db/ludus/0002-retired-columns.xml",
                        "org/ludus/apps/auction/changelog.xml", "org/ludus/apps/market/changelog.xml",
                        "org/ludus/apps/tictactoe/changelog.xml")) {
                    assertTrue(files.containsKey(file), "recorded: " + file + " in " + files);
                }
            }
            // and it goes on: a new session's rows take ids after the old ones (the sequences were kept)
            var api = new LudusApi(server.base());
            var session = api.createSession("auction", 3);
            assertEquals(3, session.participants().size());
            assertEquals(before.get("ludus_session") + 1, rowCounts(server).get("ludus_session"));
            assertEquals(0, api.start(session.participants().get(0)), "a new participant is on the first page");
        } finally {
            server.stop();
        }
    }

    @Test
    @RunAsClient
    void anAppThatAddsRemovesAndRenamesAFieldKeepsItsDataWithItsChangelog() throws Exception {
        SecondServer server = new SecondServer("evolve-server").prepare(evolveWar(true)).ownDatabase("ludus_evolve_it");
        // the first version's database: Ludus's tables, the app's first tables (up to the tag), rows in them
        try (Connection db = connect(server)) {
            Changelogs.apply(db, getClass().getClassLoader(), Changelogs.LUDUS, null);
            updateToTag(db, EVOLVE_CHANGELOG, "evolve-v1");
            db.setAutoCommit(true); // Liquibase leaves it off
            insertFirstVersionRows(db);
        }
        try {
            server.start(PRODUCTION);
            assertEquals(200, new LudusApi(server.base()).get("/api/sessions/").statusCode(), "deployed");
            try (Connection db = connect(server); var rows = db.createStatement().executeQuery(
                    "select id, score, alias, tokens from evolve_player order by id")) {
                var seen = new TreeMap<Long, String>();
                while (rows.next()) {
                    seen.put(rows.getLong(1), rows.getInt(2) + "/" + rows.getString(3) + "/" + rows.getInt(4));
                }
                // score kept, nickname's values under the new name alias, tokens given its default
                assertEquals(Map.of(7001L, "11/ada/5", 7002L, "12/grace/5"), seen);
                assertFalse(columns(db, "evolve_player").contains("legacy_flag"), "the removed field's column is gone");
                assertFalse(columns(db, "evolve_player").contains("nickname"), "renamed, not copied");
            }
        } finally {
            server.stop();
        }
    }

    @Test
    @RunAsClient
    void anAppChangeWithoutItsChangesetRefusesToDeployNamingTheColumn() throws Exception {
        SecondServer server = new SecondServer("mismatch-server").prepare(evolveWar(false))
                .ownDatabase("ludus_mismatch_it");
        int from = server.mark();
        try {
            try {
                server.start(PRODUCTION);
            } catch (AssertionError failedAtBoot) {
                // WildFly reports the failed deployment either way; what it says is checked below
            }
            String refusal = server.awaitLine("Ludus refuses to deploy", from, Duration.ofMinutes(2));
            server.awaitLine("WFLYSRV0026", from, Duration.ofMinutes(2)); // WildFly started "with errors"
            assertTrue(refusal.contains("the database does not match the entities (LUDUS_SCHEMA=validate)"), refusal);
            assertTrue(refusal.contains("missing column [alias] in table [evolve_player]")
                    || refusal.contains("missing column [tokens] in table [evolve_player]"), "names table and column: "
                    + refusal);
            assertTrue(refusal.contains(EVOLVE_CHANGELOG), "says where the app's changes belong: " + refusal);
            assertEquals(404, new LudusApi(server.base()).get("/api/sessions/").statusCode(), "not deployed");
        } finally {
            server.stop();
        }
    }

    /** Ludus's WAR with the evolve app and its changelog; without the changeset evolve-2 when not {@code changed}. */
    private static WebArchive evolveWar(boolean changed) throws Exception {
        String changelog;
        try (InputStream in = SchemaUpgradeIT.class.getClassLoader().getResourceAsStream(EVOLVE_CHANGELOG)) {
            changelog = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!changed) {
            changelog = changelog.replaceAll("(?s)<changeSet author=\"ludus\" id=\"evolve-2\">.*?</changeSet>", "");
        }
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class,
                Path.of(System.getProperty("ludus.it.war")).toFile());
        return war.addPackage("org.ludus.testapps.evolve")
                .addAsResource(new StringAsset(changelog), EVOLVE_CHANGELOG);
    }

    private static void updateToTag(Connection db, String changelog, String tag) throws Exception {
        ClassLoader loader = SchemaUpgradeIT.class.getClassLoader();
        Scope.child(Map.of("liquibase.analytics.enabled", false), () -> {
            var database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(db));
            new Liquibase(changelog, new ClassLoaderResourceAccessor(loader), database).update(tag,
                    new liquibase.Contexts(), new liquibase.LabelExpression());
        });
    }

    private static void insertFirstVersionRows(Connection db) throws SQLException {
        try (var sql = db.createStatement()) {
            sql.execute("insert into ludus_session (id, code, config_name, config_json, num_participants, created_at,"
                    + " demo) values (7001, 'evolve7001', 'evolve', '{}', 2, current_timestamp, false)");
            sql.execute("insert into subsession (id, session_id, app_name, round_number) values (7001, 7001, 'evolve', 1)");
            for (int i = 1; i <= 2; i++) {
                sql.execute("insert into participant (id, session_id, code, id_in_session, index_in_pages, visited)"
                        + " values (700" + i + ", 7001, 'evolvep" + i + "', " + i + ", 0, false)");
            }
            sql.execute("insert into evolve_group (id, subsession_id, id_in_subsession, round_number) values (7001, 7001,"
                    + " 1, 1)");
            sql.execute("insert into evolve_player (id, participant_id, subsession_id, group_id, id_in_group, round_number,"
                    + " score, nickname, legacy_flag) values (7001, 7001, 7001, 7001, 1, 1, 11, 'ada', true)");
            sql.execute("insert into evolve_player (id, participant_id, subsession_id, group_id, id_in_group, round_number,"
                    + " score, nickname, legacy_flag) values (7002, 7002, 7001, 7001, 2, 1, 12, 'grace', false)");
        }
    }

    /** The dump of the previous release's database for this suite's database (src/test/resources/schema/README.md). */
    private static void loadPreviousRelease(SecondServer server) throws Exception {
        String name = SecondServer.onH2() ? "schema/previous-release-h2.sql.gz" : "schema/previous-release-postgresql.sql.gz";
        Path dump = Files.createTempFile("previous-release", ".sql.gz");
        try (InputStream in = SchemaUpgradeIT.class.getClassLoader().getResourceAsStream(name);
             Connection db = connect(server); var sql = db.createStatement()) {
            Files.copy(in, dump, StandardCopyOption.REPLACE_EXISTING);
            if (SecondServer.onH2()) {
                sql.execute("runscript from '" + dump + "' compression gzip");
                return;
            }
            // pg_dump's plain format: one statement per line or more, each ending in ';' at a line's end
            try (var lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(dump)),
                    StandardCharsets.UTF_8))) {
                var statement = new StringBuilder();
                boolean quoted = false;
                for (String line; (line = lines.readLine()) != null; ) {
                    if (statement.isEmpty() && (line.isBlank() || line.startsWith("--") || line.startsWith("\\"))) {
                        continue; // comments and psql's own commands (\restrict)
                    }
                    statement.append(line).append('\n');
                    quoted ^= line.chars().filter(c -> c == '\'').count() % 2 == 1;
                    if (!quoted && line.endsWith(";")) {
                        sql.execute(statement.toString());
                        statement.setLength(0);
                    }
                }
            }
        } finally {
            Files.deleteIfExists(dump);
        }
    }

    /** Rows per table, every table of the schema (Liquibase's own left out). */
    private static Map<String, Long> rowCounts(SecondServer server) throws SQLException {
        var counts = new TreeMap<String, Long>();
        try (Connection db = connect(server)) {
            var tables = new java.util.ArrayList<String>();
            try (var found = db.getMetaData().getTables(null, SecondServer.onH2() ? "PUBLIC" : "public", "%",
                    new String[] {"TABLE"})) {
                while (found.next()) {
                    tables.add(found.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
            for (String table : tables) {
                if (!table.startsWith("databasechangelog")) {
                    try (var count = db.createStatement().executeQuery("select count(*) from " + table)) {
                        count.next();
                        counts.put(table, count.getLong(1));
                    }
                }
            }
        }
        return counts;
    }

    private static List<String> columns(Connection db, String table) throws SQLException {
        var columns = new java.util.ArrayList<String>();
        try (var found = db.getMetaData().getColumns(null, null, SecondServer.onH2() ? table.toUpperCase(Locale.ROOT)
                : table, "%")) {
            while (found.next()) {
                columns.add(found.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return columns;
    }

    private static Connection connect(SecondServer server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), System.getProperty("ludus.it.jdbcUser"),
                System.getProperty("ludus.it.jdbcPassword"));
    }
}
