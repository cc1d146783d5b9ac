package org.ludus.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ludus.testkit.LudusApi;
import org.ludus.testkit.LudusDeployment;

/**
 * Export jobs survive their server (issue 14): kill -9 inside a file and between files, a graceful shutdown, and
 * a stop by hand. After the restart the job completes from its checkpoint, and its files are the downloads byte
 * for byte: one header, no row twice, none missing. A test-only property holds the writer where the server is
 * to die ({@code ludus.export.test.pauseAtByte}, {@code pauseBeforeFile}).
 */
@ExtendWith(ArquillianExtension.class)
class ExportRestartIT {

    private static final List<String> EXPORTS = List.of("live_messages", "apps/auction", "page_times");
    private static final String PAUSED = "LUDUS TEST PAUSE";

    /** Arquillian's server only brings the suite's configuration up; this test runs its own second server. */
    @Deployment(testable = false)
    static WebArchive deployment() {
        return LudusDeployment.war();
    }

    private final SecondServer server = new SecondServer("export-restart");

    @AfterEach
    void stopServer() throws Exception {
        server.stop();
    }

    @Test
    @RunAsClient
    void aJobKilledInsideAFileCompletesAfterTheRestartAsIfNeverInterrupted() throws Exception {
        server.prepare().start("-Dludus.export.test.pauseAtByte=1500");
        Played played = auctionPlayedByBots(10);
        int mark = server.mark();
        long id = startJob(played.code);
        server.awaitLine(PAUSED, mark, Duration.ofMinutes(1));
        JsonObject before = status(id);
        assertEquals("STARTED", before.getString("status"));
        Path partial = folder(before).resolve(played.code + "/live_messages.csv.partial");
        assertTrue(Files.size(partial) >= 1500, "the writer is held inside the live log's file");

        server.kill();
        restartAndAwaitRecovery();
        JsonObject after = ended(id);
        assertEquals("COMPLETED", after.getString("status"), after.toString());
        List<JsonObject> executions = after.getJsonArray("executions").getValuesAs(JsonObject.class);
        assertEquals(2, executions.size(), "the crashed execution and its restart: " + executions);
        assertNotEquals("COMPLETED", executions.get(0).getString("status"));
        assertTheDownloads(after, played);
    }

    @Test
    @RunAsClient
    void aJobKilledBetweenFilesKeepsTheFilesItHadPublished() throws Exception {
        server.prepare().start("-Dludus.export.test.pauseBeforeFile=2");
        Played played = auctionPlayedByBots(5);
        int mark = server.mark();
        long id = startJob(played.code);
        server.awaitLine(PAUSED, mark, Duration.ofMinutes(1));
        JsonObject before = status(id);
        Path first = folder(before).resolve(played.code + "/live_messages.csv");
        FileTime published = Files.getLastModifiedTime(first);
        assertTrue(Files.notExists(folder(before).resolve(played.code + "/auction.csv")));

        server.kill();
        restartAndAwaitRecovery();
        JsonObject after = ended(id);
        assertEquals("COMPLETED", after.getString("status"), after.toString());
        assertEquals(published, Files.getLastModifiedTime(first), "the checkpoint kept the published file");
        assertTheDownloads(after, played);
    }

    /**
     * A graceful shutdown stops the job (STOPPED) and the next start resumes it; a job stopped by hand is not
     * resumed by a restart of the server, only by its Restart.
     */
    @Test
    @RunAsClient
    void aShutdownStopsAJobTheNextStartResumesItAndAStopByHandWaitsForRestart() throws Exception {
        server.prepare().start("-Dludus.export.test.pauseAtByte=1500");
        Played played = auctionPlayedByBots(10);
        int mark = server.mark();
        long id = startJob(played.code);
        server.awaitLine(PAUSED, mark, Duration.ofMinutes(1));
        server.shutdown();

        mark = server.mark();
        server.start("-Dludus.export.test.pauseAtByte=1500");
        server.awaitLine("export job " + id + " was stopped by a shutdown: resuming it", mark, Duration.ofMinutes(1));
        JsonObject resumed = ended(id);
        assertEquals(List.of("STOPPED", "COMPLETED"), statuses(resumed), resumed.toString());
        assertTheDownloads(resumed, played);

        // a job stopped by hand (held again inside its live log) stays stopped across a restart of the server
        mark = server.mark();
        long byHand = startJob(played.code);
        server.awaitLine(PAUSED, mark, Duration.ofMinutes(1));
        var stop = api().post("/api/exports/jobs/" + byHand + "/stop", "");
        assertEquals(202, stop.statusCode(), stop.body());
        assertEquals("STOPPED", ended(byHand).getString("status"));
        assertEquals(409, api().post("/api/exports/jobs/" + byHand + "/stop", "").statusCode(), "stopped: not running");

        server.shutdown();
        mark = server.mark();
        server.start();
        server.awaitLine("export recovery:", mark, Duration.ofMinutes(1));
        assertEquals(List.of("STOPPED"), statuses(status(byHand)), "stopped by hand: left so");

        var restart = api().post("/api/exports/jobs/" + byHand + "/restart", "");
        assertEquals(202, restart.statusCode(), restart.body());
        JsonObject after = ended(byHand);
        assertEquals(List.of("STOPPED", "COMPLETED"), statuses(after), after.toString());
        assertTheDownloads(after, played);
        assertEquals(409, api().post("/api/exports/jobs/" + byHand + "/restart", "").statusCode(), "completed: done");
    }

    /**
     * Starts the server again and waits until its recovery has restarted what it found: a forced restart first
     * marks the crashed execution FAILED, and that is not the job's end.
     */
    private void restartAndAwaitRecovery() throws Exception {
        int mark = server.mark();
        server.start();
        server.awaitLine("export recovery:", mark, Duration.ofMinutes(1));
    }

    private record Played(String code, int sent) {
    }

    private LudusApi api() {
        return new LudusApi(server.base());
    }

    private Played auctionPlayedByBots(int bidsEach) {
        var session = api().createSession("auction", 3);
        var bots = api().post("/api/sessions/" + session.code() + "/bots",
                "{\"bids_per_player\":" + bidsEach + ",\"bids_per_second\":100,\"wait\":true}");
        assertEquals(200, bots.statusCode(), bots.body());
        return new Played(session.code(), LudusApi.json(bots.body()).getInt("sent"));
    }

    private long startJob(String code) {
        var started = api().post("/api/exports/jobs", "{\"exports\":[\"" + String.join("\",\"", EXPORTS)
                + "\"],\"sessions\":[\"" + code + "\"]}");
        assertEquals(201, started.statusCode(), started.body());
        return LudusApi.json(started.body()).getJsonNumber("id").longValue();
    }

    private JsonObject status(long id) {
        var response = api().get("/api/exports/jobs/" + id);
        assertEquals(200, response.statusCode(), response.body());
        return LudusApi.json(response.body());
    }

    private static List<String> statuses(JsonObject job) {
        return job.getJsonArray("executions").getValuesAs(JsonObject.class).stream().map(e -> e.getString("status")).toList();
    }

    /** The job's status once it has ended (COMPLETED, FAILED, STOPPED …), asked until then, for at most a minute. */
    private JsonObject ended(long id) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (true) {
            JsonObject status = status(id);
            if (List.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED").contains(status.getString("status"))) {
                return status;
            }
            assertTrue(System.nanoTime() < deadline, "job " + id + " still " + status);
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    private Path folder(JsonObject job) {
        return server.baseDir().resolve("data/ludus-exports").resolve(job.getString("folder"));
    }

    /** Every file of the job is its download byte for byte, the sums check, nothing half-written is left. */
    private void assertTheDownloads(JsonObject job, Played played) throws Exception {
        Path folder = folder(job);
        for (String export : EXPORTS) {
            String name = switch (export) {
                case "apps/auction" -> "auction";
                case "page_times" -> "PageTimes";
                default -> export;
            };
            byte[] file = Files.readAllBytes(folder.resolve(played.code + "/" + name + ".csv"));
            var download = api().get("/api/exports/" + export + "?session=" + played.code);
            assertArrayEquals(download.body().getBytes(StandardCharsets.UTF_8), file, name + " is the download");
        }
        String log = Files.readString(folder.resolve(played.code + "/live_messages.csv"));
        assertEquals(1, log.lines().filter(line -> line.startsWith("session_code,")).count(), "one header");
        assertEquals(played.sent + 1, log.lines().count(), "every bid once: " + played.sent);
        Process check = new ProcessBuilder("sha256sum", "-c", "SHA256SUMS").directory(folder.toFile())
                .redirectErrorStream(true).start();
        String said = new String(check.getInputStream().readAllBytes());
        assertTrue(check.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, check.exitValue(), said);
        try (var files = Files.walk(folder)) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".partial")), "nothing half-written is left");
        }
    }
}
