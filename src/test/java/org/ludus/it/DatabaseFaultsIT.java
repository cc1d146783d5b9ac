package org.ludus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.ludus.bots.LivePlayer;
import org.ludus.bots.Participants;
import org.ludus.testkit.Database;
import org.ludus.testkit.LiveClient;
import org.ludus.testkit.LudusApi;
import org.ludus.testkit.LudusIT;

/**
 * What the database does to a live message that Ludus must answer honestly, on PostgreSQL (the production
 * database; H2 runs inside the server): a commit whose connection dies, a deadlock, and the database going
 * away and coming back mid-run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseFaultsIT extends LudusIT {

    @BeforeEach
    void onPostgresqlOnly() {
        assumeTrue(System.getProperty("ludus.it.jdbcUrl").startsWith("jdbc:postgresql:"),
                "PostgreSQL's faults: the suite runs on PostgreSQL with -Ppostgresql");
    }

    private static long counterOf(String participantCode) {
        return ((Number) Database.single("select g.counter from probe_group g join probe_player p on p.group_id = g.id"
                + " join participant pa on pa.id = p.participant_id where pa.code = ?", participantCode)).longValue();
    }

    private static final String COUNT = "{\"type\":\"live\",\"id\":1,\"data\":{\"action\":\"count\"}}";

    @Test
    void aCommitWhoseConnectionDiesIsReportedAsUnknownAndTheResendSettlesIt() throws Exception {
        LudusApi api = newApi();
        var session = api.createSession("probe", 3);
        String code = session.participants().get(0);
        // a trigger that runs at COMMIT and ends its own connection there: the server loses the database in
        // the middle of committing, and cannot know whether the commit happened
        Database.update("create or replace function it_slow_commit() returns trigger as $$"
                + " begin perform pg_terminate_backend(pg_backend_pid()); perform pg_sleep(5); return null; end $$"
                + " language plpgsql");
        Database.update("create constraint trigger it_slow_commit after insert on probe_note deferrable initially"
                + " deferred for each row execute function it_slow_commit()");
        try (LiveClient client = LiveClient.connect(api.base(), "/live/" + code + "/" + api.start(code)
                + "?client=unknown-outcome")) {
            client.sendRaw(COUNT);
            JsonObject error = client.until(frame -> LiveClient.isAnswerTo(frame, 1)).get(0);
            assertEquals("outcome_unknown", error.getString("code"), error.toString());

            Database.update("drop trigger it_slow_commit on probe_note");
            client.sendRaw(COUNT); // the same message, the same id: applied now, since the cut commit was not
            List<JsonObject> frames = client.untilAnswer(1);
            assertEquals("ack", frames.get(frames.size() - 1).getString("type"), frames.toString());
            assertEquals(1, counterOf(code), "applied once");
            client.sendRaw(COUNT);
            assertEquals("ack", client.next().getString("type"), "and only once");
            assertEquals(1, counterOf(code));
        } finally {
            Database.update("drop trigger if exists it_slow_commit on probe_note");
        }
    }

    @Test
    void aDeadlockBetweenTwoGroupsIsRetriedAndBothMessagesAreApplied() throws Exception {
        LudusApi api = newApi();
        var session = api.createSession("probe", 6);
        String one = session.participants().get(0);
        String four = session.participants().get(3);
        long groupOne = groupIdOf(one);
        long groupTwo = groupIdOf(four);
        try (LiveClient a = LiveClient.connect(api.base(), one, api.start(one));
                LiveClient b = LiveClient.connect(api.base(), four, api.start(four))) {
            // each holds its own group's row, waits, then asks for the other's: PostgreSQL ends one of them
            a.send(Map.of("action", "lock", "millis", 500, "group", groupTwo));
            b.send(Map.of("action", "lock", "millis", 500, "group", groupOne));
            for (LiveClient client : List.of(a, b)) {
                List<JsonObject> frames = client.untilAnswer(1);
                assertEquals("ack", frames.get(frames.size() - 1).getString("type"), frames.toString());
            }
        }
        assertEquals(2, counterOf(one), "its own message and the other's, once each");
        assertEquals(2, counterOf(four));
    }

    private static long groupIdOf(String code) {
        return ((Number) Database.single("select p.group_id from probe_player p join participant pa"
                + " on pa.id = p.participant_id where pa.code = ?", code)).longValue();
    }

    @Test
    @Order(Integer.MAX_VALUE) // last: it takes the database away from everything else for a moment
    void theDatabaseRestartedMidRunLosesNoAcknowledgedBidAndTheServerServesOnWithoutARestart() throws Exception {
        LudusApi api = newApi();
        var session = api.createSession("auction", 3);
        var http = Participants.httpClient();
        String bidder = session.participants().get(0);
        LivePlayer player = LivePlayer.connect(http, api.base(), bidder, Participants.start(http, api.base(), bidder),
                data -> { });
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        var acks = new java.util.concurrent.Semaphore(0); // a permit per acknowledged bid, to wait on
        var next = new AtomicLong();
        var stop = new AtomicBoolean();
        CompletableFuture<Void> bidding = CompletableFuture.runAsync(() -> {
            while (!stop.get()) {
                long bid = next.incrementAndGet();
                try {
                    if (player.send(Map.of("bid", bid)).get(30, TimeUnit.SECONDS).ok()) {
                        acknowledged.add(bid);
                        acks.release();
                    }
                } catch (Exception refusedOrGone) {
                    return;
                }
            }
        });
        try {
            assertTrue(acks.tryAcquire(20, 60, TimeUnit.SECONDS), "bids before the outage");
            restartPostgresql();
            acks.drainPermits();
            assertTrue(acks.tryAcquire(20, 60, TimeUnit.SECONDS), "the same socket goes on after the outage");
        } finally {
            stop.set(true);
            bidding.join();
            player.close();
        }
        Set<Long> stored = new java.util.HashSet<>();
        for (Object amount : Database.column("select b.bid from auction_bid b join auction_player p"
                + " on p.group_id = b.group_id join participant pa on pa.id = p.participant_id where pa.code = ?",
                bidder)) {
            stored.add(((BigDecimal) amount).longValueExact());
        }
        assertTrue(stored.containsAll(acknowledged), "acknowledged but lost: "
                + acknowledged.stream().filter(b -> !stored.contains(b)).sorted().toList());
        // the pool heals by itself (idle connections are checked every 2 s): the server serves on
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        // (asked of a route that reads the database: session_configs does not, so it answered before the pool healed)
        while (api.get("/api/sessions/" + Database.single("select s.code from ludus_session s"
                + " order by s.id desc fetch first 1 rows only")).statusCode() != 200) {
            assertTrue(System.nanoTime() < deadline, "the server did not serve again within 60 s");
        }
        for (int i = 0; i < 5; i++) {
            assertEquals(3, api.createSession("auction", 3).participants().size(), "and goes on serving");
        }
    }

    @Test
    @Order(Integer.MAX_VALUE - 1) // near the end: it locks the server out of its database for a moment
    void readinessSaysTheDatabaseIsDownWhileItIsAndUpWhenItIsBack() throws Exception {
        String database = "ludus-database";
        assertEquals("UP", OperationsIT.check(OperationsIT.health("/health/ready"), database).getString("status"));
        String url = System.getProperty("ludus.it.jdbcUrl");
        String name = url.replaceAll(".*/([^/?]+)(\\?.*)?$", "$1");
        // from the cluster's "test" database: new connections to the suite's are refused, the open ones ended
        String admin = url.replaceAll("/[^/?]+(\\?.*)?$", "/test");
        try (var connection = java.sql.DriverManager.getConnection(admin, System.getProperty("ludus.it.jdbcUser"),
                System.getProperty("ludus.it.jdbcPassword")); var statement = connection.createStatement()) {
            statement.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
            try {
                statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name
                        + "'");
                JsonObject down = OperationsIT.awaitCheck("/health/ready", database, "DOWN");
                assertEquals("DOWN", down.getString("status"), "the server is not ready without its database");
                JsonObject data = OperationsIT.check(down, database).getJsonObject("data");
                assertTrue(data.getString("error").length() > 0, data.toString());
                long started = System.nanoTime();
                OperationsIT.health("/health/ready");
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                assertTrue(millis < 5000, "readiness answered in " + millis + " ms, not within the check's 2 s");
            } finally {
                statement.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
            }
        }
        OperationsIT.awaitCheck("/health/ready", database, "UP");
    }

    /** This machine's PostgreSQL, stopped and started again (the suite's database is on it). */
    private static void restartPostgresql() throws IOException, InterruptedException {
        String version;
        try (var versions = Files.list(Path.of("/etc/postgresql"))) {
            version = versions.map(p -> p.getFileName().toString()).findFirst().orElseThrow();
        }
        Process restart = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", "--mode", "fast", version,
                "main", "restart")
                .redirectErrorStream(true).start();
        String out = new String(restart.getInputStream().readAllBytes());
        assertEquals(0, restart.waitFor(), "pg_ctlcluster restart: " + out);
        // pg_isready waits (up to -t seconds) for the server to accept connections
        Process ready = new ProcessBuilder("pg_isready", "-h", "127.0.0.1", "-t", "60").redirectErrorStream(true)
                .start();
        assertEquals(0, ready.waitFor(), "PostgreSQL came back: " + new String(ready.getInputStream().readAllBytes()));
    }
}
