package org.ludus.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
