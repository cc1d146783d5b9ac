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
        String code = newApi().createSession("auction", 3).code();
        assertEquals(200, LudusApi.withRestKey(second.base(), System.getProperty("ludus.it.restKey"))
                .get("/api/sessions/" + code).statusCode(), "the second server sees the suite's session: one database");

        var created = send("POST", "/api/exports/schedules", "{\"name\":\"shared-" + System.nanoTime() + "\","
                + "\"exports\":[\"apps/auction\"],\"sessions\":[\"" + code + "\"],\"cron\":\"*/2 * * * * *\",\"keep\":1000}");
        assertEquals(201, created.statusCode(), created.body());
        long id = LudusApi.json(created.body()).getJsonNumber("id").longValue();
        List<JsonObject> runs;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (true) {
            var schedule = send("GET", "/api/exports/schedules/" + id, null);
            runs = LudusApi.json(schedule.body()).getJsonArray("runs").getValuesAs(JsonObject.class);
            if (runs.stream().filter(run -> run.getString("status").equals("COMPLETED")).count() >= 8) {
                break;
            }
            assertTrue(System.nanoTime() < deadline, "eight completed firings within two minutes: " + runs);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
        assertEquals(204, send("DELETE", "/api/exports/schedules/" + id, null).statusCode());

        assertEquals(runs.size(), runs.stream().map(run -> run.getString("fired_at")).distinct().count(),
                "one run a firing: " + runs);
        Map<String, Integer> byNode = new TreeMap<>();
        for (JsonObject run : runs.stream().filter(run -> run.getString("status").equals("COMPLETED")).toList()) {
            String node = run.getString("node");
            byNode.merge(node, 1, Integer::sum);
            Path onSecond = second.baseDir().resolve("data/ludus-exports").resolve(run.getString("folder"));
            Path onSuite = suiteData.resolve("ludus-exports").resolve(run.getString("folder"));
            Path written = node.equals(SECOND) ? onSecond : onSuite;
            Path not = node.equals(SECOND) ? onSuite : onSecond;
            assertTrue(Files.isRegularFile(written.resolve("SHA256SUMS")), "run " + run + " is on its server's disk");
            assertFalse(Files.exists(not), "and not on the other's: " + run);
        }
        System.out.println("firings run by each server: " + byNode);
        assertFalse(second.linesSince(0).stream().anyMatch(line -> line.contains("did not start")),
                "no run of the second server failed to start");
    }
}
