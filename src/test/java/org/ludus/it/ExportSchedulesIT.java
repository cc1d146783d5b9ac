package org.ludus.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Export schedules (issue 14): a schedule fires by itself (a six-field cron, every two seconds), each firing a run
 * of its own in its own folder, the newest {@code keep} runs kept; bad schedules are 400 and schedule nothing.
 */
class ExportSchedulesIT extends LudusIT {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve(path))
                .header("otree-rest-key", System.getProperty("ludus.it.restKey")).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonObject schedule(long id) throws Exception {
        var response = send("GET", "/api/exports/schedules/" + id, null);
        assertEquals(200, response.statusCode(), response.body());
        return LudusApi.json(response.body());
    }

    @Test
    void aScheduleFiresByItselfIntoAFolderPerRunAndKeepsTheNewest() throws Exception {
        String code = newApi().createSession("auction", 3).code();
        String name = "every-two-seconds-" + System.nanoTime();
        var created = send("POST", "/api/exports/schedules", "{\"name\":\"" + name + "\",\"exports\":[\"apps/auction\"],"
                + "\"sessions\":[\"" + code + "\"],\"cron\":\"*/2 * * * * *\",\"time_zone\":\"Europe/Berlin\",\"keep\":2}");
        assertEquals(201, created.statusCode(), created.body());
        JsonObject schedule = LudusApi.json(created.body());
        long id = schedule.getJsonNumber("id").longValue();
        assertTrue(Instant.parse(schedule.getString("next_firing")).getEpochSecond() % 2 == 0, schedule.toString());

        // runs as they come, by id: at least three firings, the first one's folder then let go
        Map<Long, JsonObject> seen = new LinkedHashMap<>();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        JsonObject latest;
        while (true) {
            latest = schedule(id);
            for (JsonObject run : latest.getJsonArray("runs").getValuesAs(JsonObject.class)) {
                seen.merge(run.getJsonNumber("id").longValue(), run, (old, now) -> now);
            }
            long firstId = seen.isEmpty() ? -1 : seen.keySet().iterator().next();
            boolean firstGone = latest.getJsonArray("runs").getValuesAs(JsonObject.class).stream()
                    .noneMatch(run -> run.getJsonNumber("id").longValue() == firstId);
            if (seen.size() >= 3 && firstGone) {
                break;
            }
            assertTrue(System.nanoTime() < deadline, "three firings within a minute: " + latest);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
        List<JsonObject> runs = List.copyOf(seen.values());
        assertEquals(runs.size(), runs.stream().map(run -> run.getString("fired_at")).distinct().count(), "one run a firing");
        assertEquals(runs.size(), runs.stream().map(run -> run.getString("folder")).distinct().count(), "a folder a run");
        for (JsonObject run : runs) {
            assertEquals(0, Instant.parse(run.getString("fired_at")).getEpochSecond() % 2, run.toString());
            assertTrue(run.getString("folder").startsWith(name + "/"), run.toString());
        }
        Path root = Path.of(System.getProperty("jboss.home"), "standalone/data/ludus-exports");
        assertFalse(Files.exists(root.resolve(runs.get(0).getString("folder"))), "keep 2: the first run's folder is gone");
        assertTrue(latest.getJsonArray("runs").size() <= 3, "the newest two, and one still running: " + latest);

        // a completed run's file is the download
        JsonObject done = null;
        for (long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(1); done == null; ) {
            done = schedule(id).getJsonArray("runs").getValuesAs(JsonObject.class).stream()
                    .filter(run -> run.getString("status").equals("COMPLETED")).findFirst().orElse(null);
            assertTrue(System.nanoTime() < until, "a completed run");
        }
        byte[] file = Files.readAllBytes(root.resolve(done.getString("folder")).resolve(code + "/auction.csv"));
        assertArrayEquals(send("GET", "/api/exports/apps/auction?session=" + code, null).body()
                .getBytes(StandardCharsets.UTF_8), file);

        var list = send("GET", "/api/exports/schedules", null);
        assertTrue(list.body().contains("\"" + name + "\""), list.body());
        assertEquals(204, send("DELETE", "/api/exports/schedules/" + id, null).statusCode());
        assertEquals(404, send("GET", "/api/exports/schedules/" + id, null).statusCode());
        assertEquals(404, send("DELETE", "/api/exports/schedules/" + id, null).statusCode());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a cron that is not one| \"cron\":\"61 * * * *\"| cron",
            "words for a cron| \"cron\":\"every night\"| cron",
            "an oversized cron| \"cron\":\"0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23 * * *\"| cron",
            "an unknown time zone| \"cron\":\"0 2 * * *\",\"time_zone\":\"Mars/Olympus\"| time_zone",
            "both cron and minutes| \"cron\":\"0 2 * * *\",\"every_minutes\":5| when",
            "neither cron nor minutes| \"keep\":3| when",
            "zero minutes| \"every_minutes\":0| every_minutes",
            "minutes not whole| \"every_minutes\":1.5| every_minutes",
            "keep zero| \"every_minutes\":5,\"keep\":0| keep",
            "missed not a choice| \"every_minutes\":5,\"missed\":\"maybe\"| missed",
            "an unknown session| \"every_minutes\":5,\"sessions\":[\"nosuchsession\"]| nosuchsession",
            "sessions of no shape| \"every_minutes\":5,\"sessions\":{\"everything\":true}| sessions",
            "a format not written| \"every_minutes\":5,\"format\":\"xlsx\"| format"})
    void aBadScheduleIs400AndSchedulesNothing(String what, String fields, String named) throws Exception {
        String name = "bad-" + System.nanoTime();
        var refused = send("POST", "/api/exports/schedules", "{\"name\":\"" + name + "\",\"exports\":[\"page_times\"],"
                + fields + "}");
        assertEquals(400, refused.statusCode(), what + ": " + refused.body());
        assertTrue(LudusApi.json(refused.body()).getString("message").contains(named), refused.body());
        assertFalse(send("GET", "/api/exports/schedules", null).body().contains(name), "nothing scheduled");
    }

    @Test
    void badNamesAndExportsAre400() throws Exception {
        assertEquals(400, send("POST", "/api/exports/schedules",
                "{\"name\":\"../up\",\"exports\":[\"page_times\"],\"every_minutes\":5}").statusCode());
        assertEquals(400, send("POST", "/api/exports/schedules",
                "{\"name\":\"ok-name\",\"exports\":[\"apps/nosuchapp\"],\"every_minutes\":5}").statusCode());
        String name = "twice-" + System.nanoTime();
        String body = "{\"name\":\"" + name + "\",\"exports\":[\"page_times\"],\"every_minutes\":10080}";
        var first = send("POST", "/api/exports/schedules", body);
        assertEquals(201, first.statusCode(), first.body());
        var again = send("POST", "/api/exports/schedules", body);
        assertEquals(400, again.statusCode(), "a name is one schedule's: " + again.body());
        assertEquals(204, send("DELETE", "/api/exports/schedules/" + LudusApi.json(first.body()).getJsonNumber("id"), null)
                .statusCode());
        var anonymous = http.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve("/api/exports/schedules"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode());
    }
}
