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
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ludus.testkit.Database;
import org.ludus.testkit.LudusApi;
import org.ludus.testkit.LudusIT;

/**
 * Export jobs (Jakarta Batch, issue 14, first part): a job started over REST writes, per session, the same files
 * the download routes send, byte for byte, beside a manifest and a SHA256SUMS that {@code sha256sum -c} accepts;
 * bad requests are 400 and start nothing.
 */
class ExportJobsIT extends LudusIT {

    private static final List<String> EXPORTS = List.of("live_messages", "page_times", "apps/auction", "all_apps_wide",
            "codebook/auction");

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve(path))
                .header("otree-rest-key", System.getProperty("ludus.it.restKey")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> getWith(String path, String header, String value) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve(path))
                .header("otree-rest-key", System.getProperty("ludus.it.restKey")).header(header, value).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve(path))
                .header("otree-rest-key", System.getProperty("ludus.it.restKey")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The job's status once it has ended (COMPLETED, FAILED …), asked until then, for at most a minute. */
    private JsonObject ended(long id) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            JsonObject status = LudusApi.json(new String(get("/api/exports/jobs/" + id).body(), java.nio.charset.StandardCharsets.UTF_8));
            if (List.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED").contains(status.getString("status"))) {
                return status;
            }
            assertTrue(System.nanoTime() < deadline, "job " + id + " still " + status);
            Thread.onSpinWait();
        }
    }

    /** An auction of three that bots have played: its code and how many bids they sent. */
    private record Played(String code, int sent) {
    }

    private Played auctionPlayedByBots(int bidsEach) {
        var api = newApi();
        var session = api.createSession("auction", 3);
        var bots = api.post("/api/sessions/" + session.code() + "/bots",
                "{\"bids_per_player\":" + bidsEach + ",\"bids_per_second\":100,\"wait\":true}");
        assertEquals(200, bots.statusCode(), bots.body());
        return new Played(session.code(), LudusApi.json(bots.body()).getInt("sent"));
    }

    @Test
    void aJobsFilesAreTheDownloadsByteForByteWithAManifestAndSums() throws Exception {
        Played session = auctionPlayedByBots(5);

        HttpResponse<String> started = post("/api/exports/jobs", "{\"exports\":[\"" + String.join("\",\"", EXPORTS)
                + "\"],\"sessions\":[\"" + session.code() + "\"],\"format\":\"csv\"}");
        assertEquals(201, started.statusCode(), started.body());
        long id = LudusApi.json(started.body()).getJsonNumber("id").longValue();
        JsonObject status = ended(id);
        assertEquals("COMPLETED", status.getString("status"), status.toString());

        for (String export : EXPORTS) {
            String name = session.code() + "/" + switch (export) {
                case "apps/auction" -> "auction";
                case "page_times" -> "PageTimes";
                case "codebook/auction" -> "auction_codebook";
                default -> export;
            } + ".csv";
            HttpResponse<byte[]> fromJob = get("/api/exports/jobs/" + id + "/files/" + name);
            assertEquals(200, fromJob.statusCode(), name);
            HttpResponse<byte[]> download = get("/api/exports/" + export + "?session=" + session.code());
            assertArrayEquals(download.body(), fromJob.body(), name + " is the download, byte for byte");
            assertEquals("\"" + sha256(fromJob.body()) + "\"", fromJob.headers().firstValue("ETag").orElse(""), name);
            assertEquals(String.valueOf(fromJob.body().length), fromJob.headers().firstValue("Content-Length").orElse(""));
        }
        JsonObject manifest = LudusApi.json(new String(get("/api/exports/jobs/" + id + "/files/manifest.json").body(),
                java.nio.charset.StandardCharsets.UTF_8));
        JsonObject liveLog = manifest.getJsonArray("files").getValuesAs(JsonObject.class).stream()
                .filter(f -> f.getString("name").equals(session.code() + "/live_messages.csv")).findFirst().orElseThrow();
        int sent = session.sent();
        assertEquals(15, sent, "three bots, five bids each");
        assertEquals(sent, liveLog.getInt("rows"), "one row per committed bid: " + liveLog);
        assertEquals(List.of(session.code()), manifest.getJsonArray("sessions").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        int manifestRows = manifest.getJsonArray("files").getValuesAs(JsonObject.class).stream()
                .mapToInt(f -> f.getInt("rows")).sum();
        assertEquals(manifestRows, status.getJsonNumber("rows_written").intValue(), "progress: " + status);
        assertEquals(manifestRows, status.getJsonNumber("rows_expected").intValue(), "progress: " + status);
        assertTrue(status.isNull("error"), status.toString());

        // a download goes on where it stopped: one byte range, unless the file is no longer the one asked for
        String logFile = "/api/exports/jobs/" + id + "/files/" + session.code() + "/live_messages.csv";
        byte[] whole = get(logFile).body();
        var part = getWith(logFile, "Range", "bytes=10-19");
        assertEquals(206, part.statusCode());
        assertArrayEquals(java.util.Arrays.copyOfRange(whole, 10, 20), part.body());
        assertEquals("bytes 10-19/" + whole.length, part.headers().firstValue("Content-Range").orElse(""));
        var rest = getWith(logFile, "Range", "bytes=" + (whole.length - 5) + "-");
        assertArrayEquals(java.util.Arrays.copyOfRange(whole, whole.length - 5, whole.length), rest.body());
        var changed = http.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve(logFile))
                .header("otree-rest-key", System.getProperty("ludus.it.restKey")).header("Range", "bytes=10-19")
                .header("If-Range", "\"not-this-file\"").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, changed.statusCode(), "If-Range no longer the file's: the whole file");
        assertArrayEquals(whole, changed.body());
        var beyond = getWith(logFile, "Range", "bytes=" + whole.length + "-");
        assertEquals(416, beyond.statusCode());
        assertEquals("bytes */" + whole.length, beyond.headers().firstValue("Content-Range").orElse(""));

        // the folder on the server's disk: sha256sum itself checks every file and the manifest
        Path folder = Path.of(System.getProperty("jboss.home"), "standalone/data/ludus-exports", status.getString("folder"));
        Process check = new ProcessBuilder("sha256sum", "-c", "SHA256SUMS").directory(folder.toFile())
                .redirectErrorStream(true).start();
        String said = new String(check.getInputStream().readAllBytes());
        assertTrue(check.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, check.exitValue(), said);
        assertEquals(EXPORTS.size() + 1, said.lines().filter(line -> line.endsWith(": OK")).count(), said);
        try (var files = Files.walk(folder)) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".partial")), "nothing half-written is left");
        }
    }

    @Test
    void twoJobsAtOnceEachWriteTheirOwnFiles() throws Exception {
        Played first = auctionPlayedByBots(3);
        Played second = auctionPlayedByBots(4);
        long a = LudusApi.json(post("/api/exports/jobs", "{\"exports\":[\"live_messages\",\"apps/auction\"],"
                + "\"sessions\":[\"" + first.code() + "\",\"" + second.code() + "\"]}").body()).getJsonNumber("id").longValue();
        long b = LudusApi.json(post("/api/exports/jobs", "{\"exports\":[\"live_messages\"],\"sessions\":[\""
                + second.code() + "\"],\"format\":\"jsonl\"}").body()).getJsonNumber("id").longValue();
        JsonObject statusA = ended(a);
        JsonObject statusB = ended(b);
        assertEquals("COMPLETED", statusA.getString("status"), statusA.toString());
        assertEquals("COMPLETED", statusB.getString("status"), statusB.toString());
        assertFalse(statusA.getString("folder").equals(statusB.getString("folder")));
        for (Played played : List.of(first, second)) {
            assertArrayEquals(get("/api/exports/live_messages?session=" + played.code()).body(),
                    get("/api/exports/jobs/" + a + "/files/" + played.code() + "/live_messages.csv").body());
        }
        assertArrayEquals(get("/api/exports/live_messages?session=" + second.code() + "&format=jsonl").body(),
                get("/api/exports/jobs/" + b + "/files/" + second.code() + "/live_messages.jsonl").body());
        assertEquals(first.sent() + second.sent() + 2 * 3, statusA.getJsonNumber("rows_written").intValue(),
                "the bids and a row per player: " + statusA);
        assertEquals(second.sent(), statusB.getJsonNumber("rows_written").intValue(), statusB.toString());
    }

    /**
     * An export folder that cannot be written fails the job with a clear status, and leaves nothing half-written; once the folder
     * is writable again the job restarts, and a session deleted meanwhile is left out and named, not a failure.
     */
    @Test
    void anUnwritableFolderFailsClearlyAndARestartLeavesADeletedSessionOut() throws Exception {
        Played kept = auctionPlayedByBots(2);
        Played deleted = auctionPlayedByBots(2);
        // a file where the folder of manual runs goes: no run can write there (permissions would not stop root)
        Path manual = Path.of(System.getProperty("jboss.home"), "standalone/data/ludus-exports/manual");
        Path aside = manual.resolveSibling("manual-aside-" + System.nanoTime());
        if (Files.exists(manual)) {
            Files.move(manual, aside);
        }
        long id;
        JsonObject failed;
        try {
            Files.writeString(manual, "not a folder");
            id = LudusApi.json(post("/api/exports/jobs", "{\"exports\":[\"live_messages\"],\"sessions\":[\""
                    + kept.code() + "\",\"" + deleted.code() + "\"]}").body()).getJsonNumber("id").longValue();
            failed = ended(id);
        } finally {
            Files.delete(manual);
            if (Files.exists(aside)) {
                Files.move(aside, manual);
            }
        }
        assertEquals("FAILED", failed.getString("status"), failed.toString());
        assertTrue(failed.getString("error").startsWith("could not write manual/"), failed.toString());
        assertTrue(failed.getString("error").contains(kept.code()) || failed.getString("error").contains(deleted.code()),
                "names the file: " + failed);
        assertEquals(0, failed.getJsonNumber("rows_written").intValue(), failed.toString());
        if (Files.exists(manual)) {
            try (var files = Files.walk(manual)) {
                assertTrue(files.noneMatch(p -> p.toString().endsWith(".partial")), "nothing half-written is left");
            }
        }

        Database.deleteSession(deleted.code());
        assertEquals(202, post("/api/exports/jobs/" + id + "/restart", "").statusCode());
        JsonObject done = ended(id);
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertTrue(done.getString("exit_status").contains(deleted.code()), "the exit status names it: " + done);
        assertTrue(done.isNull("error"), done.toString());
        assertArrayEquals(get("/api/exports/live_messages?session=" + kept.code()).body(),
                get("/api/exports/jobs/" + id + "/files/" + kept.code() + "/live_messages.csv").body());
        JsonObject manifest = LudusApi.json(new String(get("/api/exports/jobs/" + id + "/files/manifest.json").body(),
                java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(List.of(deleted.code()), manifest.getJsonArray("sessions_gone").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertTrue(manifest.getJsonArray("files").getValuesAs(JsonObject.class).stream()
                .noneMatch(f -> f.getString("name").startsWith(deleted.code())), manifest.toString());
    }

    /**
     * A full disk: the folder of manual runs is an 8 KiB tmpfs (mounted by the test, which runs as root here), the
     * file does not fit; the job fails saying so, and the half-written file is gone, under any name.
     */
    @Test
    void aFullDiskFailsTheJobSayingSoAndLeavesNoPartialFile() throws Exception {
        Played session = auctionPlayedByBots(40);
        Path manual = Path.of(System.getProperty("jboss.home"), "standalone/data/ludus-exports/manual");
        Path aside = manual.resolveSibling("manual-aside-" + System.nanoTime());
        if (Files.exists(manual)) {
            Files.move(manual, aside);
        }
        Files.createDirectories(manual);
        try {
            Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=8k", "tmpfs", manual.toString())
                    .redirectErrorStream(true).start();
            String said = new String(mount.getInputStream().readAllBytes());
            assertTrue(mount.waitFor(30, TimeUnit.SECONDS));
            org.junit.jupiter.api.Assumptions.assumeTrue(mount.exitValue() == 0, "cannot mount a tmpfs here: " + said);
            try {
                long id = LudusApi.json(post("/api/exports/jobs", "{\"exports\":[\"live_messages\"],\"sessions\":[\""
                        + session.code() + "\"]}").body()).getJsonNumber("id").longValue();
                JsonObject failed = ended(id);
                assertEquals("FAILED", failed.getString("status"), failed.toString());
                assertTrue(failed.getString("error").contains("No space left on device"), failed.toString());
                assertTrue(failed.getString("error").contains(session.code() + "/live_messages.csv"), failed.toString());
                try (var files = Files.walk(manual)) {
                    assertEquals(List.of(), files.filter(Files::isRegularFile).toList(), "no file, half-written or not");
                }
            } finally {
                assertEquals(0, new ProcessBuilder("umount", manual.toString()).inheritIO().start().waitFor());
            }
        } finally {
            Files.delete(manual);
            if (Files.exists(aside)) {
                Files.move(aside, manual);
            }
        }
    }

    /** JSON Lines: the same rows, one typed object each, from a job and from the download route alike. */
    @Test
    void aJsonLinesJobIsTheJsonLinesDownload() throws Exception {
        Played session = auctionPlayedByBots(4);
        int sent = session.sent();
        HttpResponse<String> started = post("/api/exports/jobs", "{\"exports\":[\"live_messages\",\"apps/auction\"],"
                + "\"sessions\":[\"" + session.code() + "\"],\"format\":\"jsonl\"}");
        assertEquals(201, started.statusCode(), started.body());
        long id = LudusApi.json(started.body()).getJsonNumber("id").longValue();
        assertEquals("COMPLETED", ended(id).getString("status"));

        byte[] fromJob = get("/api/exports/jobs/" + id + "/files/" + session.code() + "/live_messages.jsonl").body();
        HttpResponse<byte[]> download = get("/api/exports/live_messages?session=" + session.code() + "&format=jsonl");
        assertTrue(download.headers().firstValue("Content-Type").orElse("").startsWith("application/jsonl"),
                download.headers().toString());
        assertArrayEquals(download.body(), fromJob);
        List<String> lines = new String(fromJob, java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        assertEquals(sent, lines.size(), "one line per committed bid");
        for (int i = 0; i < lines.size(); i++) {
            JsonObject row = LudusApi.json(lines.get(i));
            assertEquals(jakarta.json.JsonValue.ValueType.NUMBER, row.get("seq").getValueType(), "typed: " + row);
            assertEquals(jakarta.json.JsonValue.ValueType.STRING, row.get("participant_code").getValueType(), "typed: " + row);
        }
        assertArrayEquals(get("/api/exports/apps/auction?session=" + session.code() + "&format=jsonl").body(),
                get("/api/exports/jobs/" + id + "/files/" + session.code() + "/auction.jsonl").body());

        assertEquals(400, get("/api/exports/live_messages?format=xml").statusCode());
        assertEquals(400, get("/api/exports/live_messages?format=jsonl&excel=1").statusCode(), "excel is CSV's");
    }

    /**
     * A job of 300 sessions: more than JBeret's 3,000 characters of job parameters would hold, so the run's request
     * is kept in Ludus's own table and the job gets only its id.
     */
    @Test
    void aJobOfThreeHundredSessionsRuns() throws Exception {
        var api = newApi();
        var codes = new java.util.ArrayList<String>();
        for (int i = 0; i < 300; i++) {
            codes.add(api.createSession("auction", 3).code());
        }
        assertTrue(String.join(",", codes).length() > 3000);
        HttpResponse<String> started = post("/api/exports/jobs", "{\"exports\":[\"page_times\"],\"sessions\":[\""
                + String.join("\",\"", codes) + "\"]}");
        assertEquals(201, started.statusCode(), started.body());
        JsonObject status = ended(LudusApi.json(started.body()).getJsonNumber("id").longValue());
        assertEquals("COMPLETED", status.getString("status"), status.toString());
        assertEquals(300, status.getJsonArray("sessions").size());
        assertEquals(300 + 2, status.getJsonArray("files").size(), "a file per session, the manifest and the sums");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "an export that is not one| {\"exports\":[\"nope\"]}| exports",
            "an app that is not one| {\"exports\":[\"apps/nosuchapp\"]}| nosuchapp",
            "an unknown session| {\"exports\":[\"live_messages\"],\"sessions\":[\"nosuchsession\"]}| nosuchsession",
            "a format not written| {\"exports\":[\"live_messages\"],\"format\":\"xlsx\"}| format",
            "a format not a string| {\"exports\":[\"live_messages\"],\"format\":1}| format",
            "no exports| {\"sessions\":[]}| exports",
            "exports not a list| {\"exports\":\"live_messages\"}| exports",
            "not JSON| {\"exports\":| JSON"})
    void aBadJobIs400AndStartsNothing(String what, String body, String named) throws Exception {
        HttpResponse<String> refused = post("/api/exports/jobs", body);
        assertEquals(400, refused.statusCode(), what + ": " + refused.body());
        assertTrue(LudusApi.json(refused.body()).getString("message").contains(named), refused.body());
    }

    @Test
    void jobsNeedTheKeyAndAJobOfNoneIs404() throws Exception {
        var anonymous = http.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve("/api/exports/jobs"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"exports\":[\"live_messages\"]}")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode());
        assertEquals(404, get("/api/exports/jobs/987654321").statusCode());
        assertEquals(404, get("/api/exports/jobs/x").statusCode());
        assertEquals(404, post("/api/exports/jobs/987654321/stop", "").statusCode());
        assertEquals(404, post("/api/exports/jobs/x/restart", "").statusCode());
        assertEquals(404, post("/api/exports/jobs/1/pause", "").statusCode());
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
