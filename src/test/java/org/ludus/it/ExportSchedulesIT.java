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
import org.ludus.testkit.LiveClient;
import org.ludus.testkit.LudusApi;
import org.ludus.testkit.LudusIT;

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

    /** The schedule's runs once {@code done} holds, polled; a run is {"id", "fired_at", "status", "folder"}. */
    private List<JsonObject> runsOnce(long schedule, java.util.function.Predicate<List<JsonObject>> done, String what)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (true) {
            List<JsonObject> runs = schedule(schedule).getJsonArray("runs").getValuesAs(JsonObject.class);
            if (done.test(runs)) {
                return runs;
            }
            assertTrue(System.nanoTime() < deadline, what + " within two minutes: " + runs);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
    }

    private static long completed(List<JsonObject> runs) {
        return runs.stream().filter(run -> run.getString("status").equals("COMPLETED")).count();
    }

    private static boolean allEnded(List<JsonObject> runs) {
        return runs.stream().allMatch(run -> List.of("COMPLETED", "FAILED", "ABANDONED").contains(run.getString("status")));
    }

    /** The data rows of a CSV file (its header left out), each as its text. */
    private static List<String> dataRows(Path file) throws Exception {
        var csv = ExportsIT.parse(Files.readString(file, StandardCharsets.UTF_8));
        return csv.rows().stream().map(row -> csv.header().stream().map(row::get).toList().toString()).toList();
    }

    @Test
    void incrementalRunsWhileMessagesCommitHoldEveryRowExactlyOnce() throws Exception {
        LudusApi api = newApi();
        var playing = api.createSession("ledger_mix", 6);
        var moving = api.createSession("ledger_mix", 6);
        var clients = new java.util.ArrayList<LiveClient>();
        var stop = new java.util.concurrent.atomic.AtomicBoolean();
        var senders = new java.util.ArrayList<java.util.concurrent.CompletableFuture<Void>>();
        String name = "since-last-run-" + System.nanoTime();
        long id;
        Instant stopped;
        try {
            for (String code : playing.participants()) {
                clients.add(LiveClient.connect(api.base(), code, api.start(code)));
            }
            for (LiveClient client : clients) { // bids keep committing while the runs export
                senders.add(java.util.concurrent.CompletableFuture.runAsync(() -> {
                    while (!stop.get()) {
                        client.untilAnswer(client.send(Map.of("tokens", 1)));
                    }
                }));
            }
            var created = send("POST", "/api/exports/schedules", "{\"name\":\"" + name + "\","
                    + "\"exports\":[\"live_messages\",\"page_times\"],\"sessions\":[\"" + playing.code() + "\",\""
                    + moving.code() + "\"],\"cron\":\"*/2 * * * * *\",\"keep\":1000,\"since_last_run\":true}");
            assertEquals(201, created.statusCode(), created.body());
            assertTrue(created.body().contains("\"since_last_run\":true"), created.body());
            id = LudusApi.json(created.body()).getJsonNumber("id").longValue();
            runsOnce(id, runs -> completed(runs) >= 2, "two runs");
            for (String code : moving.participants()) { // the second session starts: its page times come later
                api.start(code);
            }
            long before = completed(schedule(id).getJsonArray("runs").getValuesAs(JsonObject.class));
            runsOnce(id, runs -> completed(runs) > before, "a run after the start");
            for (String code : moving.participants()) {
                assertEquals(1, api.next(code, 0));
            }
            long after = completed(schedule(id).getJsonArray("runs").getValuesAs(JsonObject.class));
            runsOnce(id, runs -> completed(runs) > after, "a run after the moves");
        } finally {
            stop.set(true);
            java.util.concurrent.CompletableFuture.allOf(senders.toArray(java.util.concurrent.CompletableFuture[]::new)).join();
            clients.forEach(LiveClient::close);
        }
        stopped = Instant.now();
        // a run fired after the last commit, and every run over: then no more firings
        List<JsonObject> runs = runsOnce(id, all -> allEnded(all) && all.stream().anyMatch(run ->
                run.getString("status").equals("COMPLETED") && Instant.parse(run.getString("fired_at")).isAfter(stopped)),
                "a run after the last bid");
        assertEquals(204, send("DELETE", "/api/exports/schedules/" + id, null).statusCode()); // later runs: empty
        assertEquals(runs.size(), completed(runs), "every run completed: " + runs);

        Path root = Path.of(System.getProperty("jboss.home"), "standalone/data/ludus-exports");
        int runsWithMessages = 0;
        for (String export : List.of("live_messages", "page_times")) {
            for (String code : List.of(playing.code(), moving.code())) {
                var union = new java.util.ArrayList<String>();
                for (JsonObject run : runs) {
                    List<String> rows = dataRows(root.resolve(run.getString("folder"))
                            .resolve(code + "/" + (export.equals("page_times") ? "PageTimes" : export) + ".csv"));
                    if (export.equals("live_messages") && code.equals(playing.code()) && !rows.isEmpty()) {
                        runsWithMessages++;
                    }
                    union.addAll(rows);
                }
                var whole = send("GET", "/api/exports/" + export + "?session=" + code, null);
                assertEquals(200, whole.statusCode(), whole.body());
                var all = ExportsIT.parse(whole.body());
                List<String> expected = all.rows().stream().map(row -> all.header().stream().map(row::get).toList()
                        .toString()).sorted().toList();
                assertEquals(new java.util.HashSet<>(union).size(), union.size(), export + " of " + code
                        + ": no row in two runs");
                assertEquals(expected, union.stream().sorted().toList(), export + " of " + code
                        + ": the runs together hold every row exactly once");
                if (export.equals("page_times") || code.equals(playing.code())) {
                    assertFalse(expected.isEmpty(), export + " of " + code + " has rows");
                }
            }
        }
        assertTrue(runsWithMessages >= 3, "the messages came in several runs, not one: " + runsWithMessages);
    }

    @Test
    void aScheduleOfChangedSessionsExportsOnlyThoseChangedSinceItsLastRun() throws Exception {
        LudusApi api = newApi();
        var changing = api.createSession("ledger_mix", 6);
        var quiet = api.createSession("ledger_mix", 6);
        for (String code : changing.participants()) {
            api.start(code);
        }
        for (String code : quiet.participants()) {
            api.start(code);
        }
        var created = send("POST", "/api/exports/schedules", "{\"name\":\"changed-" + System.nanoTime() + "\","
                + "\"exports\":[\"page_times\"],\"sessions\":\"changed\",\"cron\":\"*/2 * * * * *\"}");
        assertEquals(201, created.statusCode(), created.body());
        long id = LudusApi.json(created.body()).getJsonNumber("id").longValue();
        List<JsonObject> first = runsOnce(id, runs -> completed(runs) >= 1, "a first run");
        long firstId = first.stream().filter(run -> run.getString("status").equals("COMPLETED"))
                .mapToLong(run -> run.getJsonNumber("id").longValue()).min().orElseThrow();
        var firstSessions = job(firstId).getJsonArray("sessions").toString();
        assertTrue(firstSessions.contains(changing.code()) && firstSessions.contains(quiet.code()), firstSessions);

        for (String code : changing.participants()) {
            assertEquals(1, api.next(code, 0));
        }
        Instant changed = Instant.now();
        List<JsonObject> runs = runsOnce(id, all -> all.stream().anyMatch(run -> run.getString("status").equals("COMPLETED")
                && Instant.parse(run.getString("fired_at")).isAfter(changed)), "a run after the change");
        assertEquals(204, send("DELETE", "/api/exports/schedules/" + id, null).statusCode());
        JsonObject later = runs.stream().filter(run -> Instant.parse(run.getString("fired_at")).isAfter(changed))
                .findFirst().orElseThrow();
        var laterSessions = job(later.getJsonNumber("id").longValue()).getJsonArray("sessions").toString();
        assertTrue(laterSessions.contains(changing.code()), "the changed session: " + laterSessions);
        assertFalse(laterSessions.contains(quiet.code()), "not the quiet one: " + laterSessions);
        Path root = Path.of(System.getProperty("jboss.home"), "standalone/data/ludus-exports");
        assertEquals(send("GET", "/api/exports/page_times?session=" + changing.code(), null).body(),
                Files.readString(root.resolve(later.getString("folder")).resolve(changing.code() + "/PageTimes.csv")),
                "without since_last_run, a changed session's file is whole");
    }

    private JsonObject job(long id) throws Exception {
        var response = send("GET", "/api/exports/jobs/" + id, null);
        assertEquals(200, response.statusCode(), response.body());
        return LudusApi.json(response.body());
    }

    /** The admin Exports page: a schedule made with its form, a run with its progress and files, a bad form refused. */
    @Test
    void theAdminExportsPageShowsRunsAndSchedulesAndMakesSchedules() throws Exception {
        LudusApi admin = newApi().loginAsAdmin();
        String code = newApi().createSession("auction", 3).code();
        String name = "from-the-page-" + System.nanoTime();
        var created = admin.postForm("/admin/export-runs/schedules", Map.of("name", name,
                "exports", "live_messages, apps/auction", "sessions", "codes", "sessions_value", code, "format", "csv",
                "when", "every", "every_minutes", "10080", "missed", "skip", "keep", "3"));
        assertEquals(303, created.statusCode(), created.body());
        var page = admin.get("/admin/export-runs");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("data-schedule=\"" + name + "\""), page.body());
        assertTrue(page.body().contains("every 10080 min"), page.body());
        long scheduleId;
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(send("GET", "/api/exports/schedules",
                null).body()))) {
            scheduleId = reader.readArray().getValuesAs(JsonObject.class).stream()
                    .filter(one -> one.getString("name").equals(name)).findFirst().orElseThrow().getJsonNumber("id").longValue();
        }
        assertEquals("skip", schedule(scheduleId).getString("missed"));

        var started = send("POST", "/api/exports/jobs", "{\"exports\":[\"apps/auction\"],\"sessions\":[\"" + code + "\"]}");
        long job = LudusApi.json(started.body()).getJsonNumber("id").longValue();
        JsonObject status;
        for (long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(1); ; ) {
            status = job(job);
            if (status.getString("status").equals("COMPLETED")) {
                break;
            }
            assertTrue(System.nanoTime() < until, status.toString());
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        page = admin.get("/admin/export-runs");
        String row = page.body().substring(page.body().indexOf("data-run=\"" + job + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertTrue(row.contains("COMPLETED"), row);
        assertTrue(row.contains("3 of 3 rows"), "three players: " + row);
        String link = "/admin/export-runs/" + job + "/files/" + code + "/auction.csv";
        assertTrue(row.contains("href=\"" + link + "\""), row);
        assertEquals(send("GET", "/api/exports/apps/auction?session=" + code, null).body(), admin.get(link).body());
        assertEquals(404, admin.get("/admin/export-runs/" + job + "/files/nosuchfile.csv").statusCode());
        assertEquals(409, admin.postForm("/admin/export-runs/" + job + "/restart", Map.of()).statusCode(),
                "a completed run does not restart");

        var refused = admin.postForm("/admin/export-runs/schedules", Map.of("name", "bad-" + System.nanoTime(),
                "exports", "live_messages", "when", "cron", "cron", "every night"));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("id=\"exports-error\"") && refused.body().contains("cron"), refused.body());
        for (Map<String, String> bad : List.of(Map.of("when", "every", "every_minutes", "abc"),
                Map.of("when", "every", "every_minutes", "99999999999"), Map.of("when", "every", "every_minutes", "5",
                        "keep", "-3"), Map.of("when", "every", "every_minutes", "5", "sessions", "config",
                        "sessions_value", "nosuchconfig"))) {
            var form = new java.util.HashMap<>(bad);
            form.put("name", "bad-" + System.nanoTime());
            form.put("exports", "live_messages");
            var badForm = admin.postForm("/admin/export-runs/schedules", form);
            assertEquals(400, badForm.statusCode(), bad + ": " + badForm.body());
            assertTrue(badForm.body().contains("id=\"exports-error\""), badForm.body());
            assertFalse(badForm.body().contains("data-schedule=\"" + form.get("name") + "\""), "nothing scheduled");
        }
        assertEquals(404, admin.postForm("/admin/export-runs/99999999999999999999/stop", Map.of()).statusCode());
        assertEquals(404, admin.postForm("/admin/export-runs/schedules/abc/delete", Map.of()).statusCode());
        assertEquals(404, admin.get("/admin/export-runs/" + job + "/files/../../etc/passwd").statusCode());
        assertEquals(303, admin.postForm("/admin/export-runs/schedules/" + scheduleId + "/delete", Map.of()).statusCode());
        assertFalse(admin.get("/admin/export-runs").body().contains("data-schedule=\"" + name + "\""));
        assertFalse(LudusApi.withoutRestKey(URI.create(base.toString())).get("/admin/export-runs").body().contains("New schedule"),
                "the page needs the sign-in");
    }

    /**
     * An incremental schedule whose runs fail (a file where its folder goes): a failed run is not restarted once a
     * later run has its rows, and the first successful run then holds every row the failed ones did not deliver.
     */
    @Test
    void failedIncrementalRunsLeaveTheirRowsToTheNextSuccessfulOne() throws Exception {
        LudusApi api = newApi();
        String code = api.createSession("auction", 3).code();
        var bots = api.post("/api/sessions/" + code + "/bots", "{\"bids_per_player\":3,\"bids_per_second\":100,\"wait\":true}");
        assertEquals(200, bots.statusCode(), bots.body());
        String name = "failing-" + System.nanoTime();
        Path root = Path.of(System.getProperty("jboss.home"), "standalone/data/ludus-exports");
        Files.createDirectories(root);
        Files.writeString(root.resolve(name), "not a folder"); // where the schedule's runs would go
        var created = send("POST", "/api/exports/schedules", "{\"name\":\"" + name + "\",\"exports\":[\"live_messages\"],"
                + "\"sessions\":[\"" + code + "\"],\"cron\":\"*/2 * * * * *\",\"since_last_run\":true}");
        assertEquals(201, created.statusCode(), created.body());
        long id = LudusApi.json(created.body()).getJsonNumber("id").longValue();
        List<JsonObject> failed = runsOnce(id, runs -> runs.stream().filter(run -> run.getString("status").equals("FAILED"))
                .count() >= 2, "two failed runs");
        long firstFailed = failed.stream().filter(run -> run.getString("status").equals("FAILED"))
                .mapToLong(run -> run.getJsonNumber("id").longValue()).min().orElseThrow();
        var restart = send("POST", "/api/exports/jobs/" + firstFailed + "/restart", null);
        assertEquals(409, restart.statusCode(), restart.body());
        assertTrue(restart.body().contains("later run"), restart.body());

        Files.delete(root.resolve(name));
        List<JsonObject> runs = runsOnce(id, all -> completed(all) >= 1, "a run once the folder can be written");
        assertEquals(204, send("DELETE", "/api/exports/schedules/" + id, null).statusCode());
        JsonObject done = runs.stream().filter(run -> run.getString("status").equals("COMPLETED")).findFirst().orElseThrow();
        assertTrue(done.isNull("since_run"), "no run before it succeeded: it starts at the beginning " + done);
        assertEquals(send("GET", "/api/exports/live_messages?session=" + code, null).body(),
                Files.readString(root.resolve(done.getString("folder")).resolve(code + "/live_messages.csv")),
                "every row the failed runs did not deliver");
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
            "a format not written| \"every_minutes\":5,\"format\":\"xlsx\"| format",
            "an unknown config| \"every_minutes\":5,\"sessions\":{\"config\":\"nosuchconfig\"}| nosuchconfig",
            "an unknown room| \"every_minutes\":5,\"sessions\":{\"room\":\"nosuchroom\"}| nosuchroom",
            "since_last_run not a boolean| \"every_minutes\":5,\"since_last_run\":\"yes\"| since_last_run"})
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
        var notIncremental = send("POST", "/api/exports/schedules", "{\"name\":\"whole-" + System.nanoTime()
                + "\",\"exports\":[\"apps/auction\"],\"every_minutes\":5,\"since_last_run\":true}");
        assertEquals(400, notIncremental.statusCode(), notIncremental.body());
        assertTrue(notIncremental.body().contains("since_last_run"), notIncremental.body());
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
