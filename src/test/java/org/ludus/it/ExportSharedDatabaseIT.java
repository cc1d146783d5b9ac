package org.ludus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ludus.testkit.Database;
import org.ludus.testkit.LudusApi;
import org.ludus.testkit.LudusIT;

/**
 * Two servers sharing one database (issue 14): both tick every second and both try to claim each firing of a
 * schedule; each firing runs once, on one of them, into that server's export folder. The suite's server and a
 * second one started by the test, on the suite's database (H2's file through its AUTO_SERVER, or PostgreSQL).
 */
class ExportSharedDatabaseIT extends LudusIT {

    private static final String SECOND = "export-shared";

    private final SecondServer second = new SecondServer(SECOND);
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stopSecond() throws Exception {
        second.stop();
    }

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve(path))
                .header("otree-rest-key", System.getProperty("ludus.it.restKey")).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void twoServersSharingTheDatabaseRunEachFiringOnce() throws Exception {
        Path suiteData = Path.of(System.getProperty("jboss.home"), "standalone/data");
        boolean h2 = System.getProperty("ludus.it.jdbcUrl").startsWith("jdbc:h2:");
        if (h2) { // the suite's H2 file (AUTO_SERVER: the second process goes through the first one's TCP server)
            second.prepare().start("-Dludus.h2.file=" + suiteData.resolve("ludus/ludus"));
        } else { // PostgreSQL: the suite's database is the second server's already
            second.prepare().start();
        }
        LudusApi api = newApi();
        String code = api.createSession("auction", 3).code();
        assertEquals(200, LudusApi.withRestKey(second.base(), System.getProperty("ludus.it.restKey"))
                .get("/api/sessions/" + code).statusCode(), "the second server sees the suite's session: one database");

        // incremental firings while bids keep coming (three bots, two bids a second each, in the background)
        var created = send("POST", "/api/exports/schedules", "{\"name\":\"shared-" + System.nanoTime() + "\","
                + "\"exports\":[\"live_messages\"],\"sessions\":[\"" + code + "\"],\"cron\":\"*/2 * * * * *\","
                + "\"keep\":1000,\"since_last_run\":true}");
        assertEquals(201, created.statusCode(), created.body());
        long id = LudusApi.json(created.body()).getJsonNumber("id").longValue();
        var bots = api.post("/api/sessions/" + code + "/bots", "{\"bids_per_player\":30,\"bids_per_second\":2}");
        assertEquals(202, bots.statusCode(), bots.body());

        // until the bots are done, a run fired after their last bid has completed, and every run has ended
        java.time.Instant lastBid = null;
        List<JsonObject> runs;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (true) {
            if (lastBid == null && ((Number) Database.single("select count(*) from live_log where session_code = ?", code))
                    .longValue() == 90) {
                lastBid = java.time.Instant.now();
            }
            var schedule = send("GET", "/api/exports/schedules/" + id, null);
            runs = LudusApi.json(schedule.body()).getJsonArray("runs").getValuesAs(JsonObject.class);
            java.time.Instant after = lastBid;
            if (after != null && runs.stream().allMatch(run -> List.of("COMPLETED", "FAILED").contains(run.getString("status")))
                    && runs.stream().anyMatch(run -> java.time.Instant.parse(run.getString("fired_at")).isAfter(after))) {
                break;
            }
            assertTrue(System.nanoTime() < deadline, "the bots' 90 bids and a run after them within two minutes: " + runs);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
        assertEquals(204, send("DELETE", "/api/exports/schedules/" + id, null).statusCode()); // later runs: empty

        assertEquals(runs.size(), runs.stream().map(run -> run.getString("fired_at")).distinct().count(),
                "one run a firing: " + runs);
        Map<String, Integer> byNode = new TreeMap<>();
        List<String> union = new java.util.ArrayList<>();
        for (JsonObject run : runs) {
            assertEquals("COMPLETED", run.getString("status"), run.toString());
            String node = run.getString("node");
            byNode.merge(node, 1, Integer::sum);
            Path onSecond = second.baseDir().resolve("data/ludus-exports").resolve(run.getString("folder"));
            Path onSuite = suiteData.resolve("ludus-exports").resolve(run.getString("folder"));
            Path written = node.equals(SECOND) ? onSecond : onSuite;
            Path not = node.equals(SECOND) ? onSuite : onSecond;
            assertTrue(Files.isRegularFile(written.resolve("SHA256SUMS")), "run " + run + " is on its server's disk");
            assertFalse(Files.exists(not), "and not on the other's: " + run);
            union.addAll(Files.readAllLines(written.resolve(code + "/live_messages.csv")).stream().skip(1).toList());
        }
        System.out.println("firings run by each server: " + byNode);
        // "since the last successful run" whichever server ran it (their run ids come from different blocks of the
        // sequence: "last" is by firing, not by id): together the runs hold the whole log, each row once
        List<String> whole = List.of(send("GET", "/api/exports/live_messages?session=" + code, null).body().split("\r\n"));
        assertEquals(90, whole.size() - 1, "the bots' bids");
        assertEquals(whole.stream().skip(1).sorted().toList(), union.stream().sorted().toList(),
                "every row once across the two servers' runs: " + byNode);
        assertFalse(second.linesSince(0).stream().anyMatch(line -> line.contains("did not start")),
                "no run of the second server failed to start");
    }
}
