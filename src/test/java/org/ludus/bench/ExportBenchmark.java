package org.ludus.bench;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.ludus.JsonText;

/**
 * The exports against a running server: a session of 1,000 participants, 1,000,000 live-message rows put in its
 * log, then the live-message export and the wide export streamed over HTTP. Prints rows/s and seconds, and the
 * server's live heap (after full collections, read with jcmd) before, during and after; asserts nothing about
 * speed. Each export runs twice: once timed, untouched, and once while the heap is sampled (each sample forces a
 * full collection, which would distort the timing). Run: README ("Benchmark", exports).
 */
public final class ExportBenchmark {

    private final URI base;
    private final String jdbcUrl;
    private final String jdbcUser;
    private final String jdbcPassword;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Optional<ProcessHandle> server;

    private ExportBenchmark(URI base, String jdbcUrl, String jdbcUser, String jdbcPassword) {
        this.base = base;
        this.jdbcUrl = jdbcUrl;
        this.jdbcUser = jdbcUser;
        this.jdbcPassword = jdbcPassword;
        this.server = Benchmark.findServer(base.getPort());
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(System.getProperty("bench.url", "http://localhost:8080/"));
        var bench = new ExportBenchmark(base, System.getProperty("bench.jdbcUrl"),
                System.getProperty("bench.jdbcUser", "postgres"), System.getProperty("bench.jdbcPassword", "postgres"));
        int participants = Integer.getInteger("bench.participants", 1000);
        long rows = Long.getLong("bench.rows", 1_000_000);
        System.out.printf("Ludus export benchmark against %s, server pid %s%n", base,
                bench.server.map(p -> String.valueOf(p.pid())).orElse("not found: no heap figures"));

        String code = bench.createSession(participants);
        long filled = bench.fill(code, rows);
        System.out.printf("session %s: %d participants; %d live-message rows put in its log%n", code, participants,
                filled);
        var results = new LinkedHashMap<String, Object>();
        results.put("session", code);
        results.put("participants", participants);
        results.put("live_log_rows", filled);
        results.put("live_messages", bench.measure("live_messages?session=" + code));
        results.put("all_apps_wide", bench.measure("all_apps_wide?session=" + code));
        for (String format : new String[] {"csv", "jsonl"}) { // the same export through a batch job, to disk
            results.put("job_live_messages_" + format, bench.measureJob(code, format,
                    ((Map<?, ?>) results.get("live_messages")).get("seconds")));
        }
        String out = System.getProperty("bench.out", "target/export-benchmark.json");
        Files.writeString(Path.of(out), JsonText.object().add("at", Instant.now().toString())
                .add("results", jakarta.json.Json.createObjectBuilder(results)).build().toString());
        System.out.println("written to " + out);
    }

    /** An auction session of {@code participants}, in groups of 4 (1,000 is no multiple of 3). */
    private String createSession(int participants) throws Exception {
        HttpResponse<String> created = http.send(Benchmark.api(HttpRequest.newBuilder(base.resolve("/api/sessions/")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"session_config_name\":\"auction\",\"num_participants\":" + participants
                                + ",\"modified_session_config_fields\":{\"players_per_group\":4}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 200) {
            throw new IllegalStateException("creating the session: " + created.statusCode() + " " + created.body());
        }
        return JsonText.readObject(created.body()).getString("code");
    }

    /**
     * Puts {@code rows} log rows into the session's groups, as the live path would have: per group seq 1, 2, …,
     * a bid as data, its broadcast to the group's 4 players as what was delivered. In the database, by one SQL
     * statement (PostgreSQL's generate_series): this measures the export, not the live path.
     */
    private long fill(String code, long rows) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword);
                var statement = db.createStatement()) {
            statement.execute("create temporary table bench_groups as select g.id as group_id, g.id_in_subsession,"
                    + " row_number() over (order by g.id) - 1 as n, s.id as session_id, s.code as session_code,"
                    + " (select pa.id from auction_player p join participant pa on pa.id = p.participant_id"
                    + " where p.group_id = g.id and p.id_in_group = 1) as participant_id,"
                    + " (select pa.code from auction_player p join participant pa on pa.id = p.participant_id"
                    + " where p.group_id = g.id and p.id_in_group = 1) as participant_code"
                    + " from auction_group g join subsession ss on ss.id = g.subsession_id"
                    + " join ludus_session s on s.id = ss.session_id where s.code = '" + code + "'");
            long groups;
            try (var count = statement.executeQuery("select count(*) from bench_groups")) {
                count.next();
                groups = count.getLong(1);
            }
            long perGroup = (rows + groups - 1) / groups;
            return statement.executeUpdate("insert into live_log (id, session_id, session_code, app_name, round_number,"
                    + " page_index, page_name, group_id, group_id_in_subsession, participant_id, participant_code,"
                    + " id_in_group, client_id, message_id, seq, received_at, committed_at, data_json, delivered_json)"
                    + " select nextval('live_log_seq'), g.session_id, g.session_code, 'auction', 1, 0, 'BidPage',"
                    + " g.group_id, g.id_in_subsession, g.participant_id, g.participant_code, 1, 'bench-client',"
                    + " i.seq, i.seq, now(), now(), '{\"bid\":' || i.seq || '}',"
                    + " '{\"1\":{\"bid\":' || i.seq || ',\"id_in_group\":1},\"2\":{\"bid\":' || i.seq"
                    + " || ',\"id_in_group\":1},\"3\":{\"bid\":' || i.seq || ',\"id_in_group\":1},\"4\":{\"bid\":'"
                    + " || i.seq || ',\"id_in_group\":1}}'"
                    + " from bench_groups g cross join generate_series(1, " + perGroup + ") as i(seq)"
                    + " where g.n * " + perGroup + " + i.seq <= " + rows);
        }
    }

    /** Downloads the export twice: timed, then with the server's heap sampled. */
    private Map<String, Object> measure(String export) throws Exception {
        long heapBefore = heapUsedAfterGc();
        long start = System.nanoTime();
        long[] counted = download(export);
        double seconds = (System.nanoTime() - start) / 1e9;
        long heapAfter = heapUsedAfterGc();

        var peak = new AtomicLong(peakHeapDuring(heapBefore, () -> download(export)));

        long dataRows = counted[0] - 1; // the header
        var result = new LinkedHashMap<String, Object>();
        result.put("rows", dataRows);
        result.put("bytes", counted[1]);
        result.put("seconds", round(seconds));
        result.put("rows_per_second", Math.round(dataRows / seconds));
        result.put("heap_before_mib", mib(heapBefore));
        result.put("heap_peak_during_mib", mib(peak.get()));
        result.put("heap_after_mib", mib(heapAfter));
        result.put("heap_growth_mib", mib(peak.get() - heapBefore));
        System.out.printf("%-45s %,10d rows %,8.1f MB in %6.2f s = %,8d rows/s; live heap %s MiB before, %s at peak"
                        + " during, %s after (growth %s MiB)%n", export, dataRows, counted[1] / 1e6, seconds,
                Math.round(dataRows / seconds), mib(heapBefore), mib(peak.get()), mib(heapAfter),
                mib(peak.get() - heapBefore));
        return result;
    }

    /**
     * The live-message export through an export job (Jakarta Batch, files on the server's disk, with the row count
     * and the manifest's SHA-256 of each file), from the POST to COMPLETED; twice, as the downloads: timed, then
     * with the heap sampled. The download's seconds, measured in the same run, are the baseline.
     */
    private Map<String, Object> measureJob(String code, String format, Object downloadSeconds) throws Exception {
        long heapBefore = heapUsedAfterGc();
        long start = System.nanoTime();
        jakarta.json.JsonObject status = runJob(code, format);
        double seconds = (System.nanoTime() - start) / 1e9;
        long heapAfter = heapUsedAfterGc();

        var peak = new AtomicLong(peakHeapDuring(heapBefore, () -> runJob(code, format)));

        long rows = status.getJsonNumber("rows_written").longValue();
        long bytes = status.getJsonArray("files").getValuesAs(jakarta.json.JsonObject.class).stream()
                .filter(file -> file.getString("name").startsWith(code + "/")).mapToLong(file -> file.getJsonNumber("bytes")
                        .longValue()).sum();
        var result = new LinkedHashMap<String, Object>();
        result.put("rows", rows);
        result.put("bytes", bytes);
        result.put("seconds", round(seconds));
        result.put("rows_per_second", Math.round(rows / seconds));
        result.put("seconds_of_the_download", downloadSeconds);
        result.put("heap_before_mib", mib(heapBefore));
        result.put("heap_peak_during_mib", mib(peak.get()));
        result.put("heap_after_mib", mib(heapAfter));
        result.put("heap_growth_mib", mib(peak.get() - heapBefore));
        System.out.printf("%-45s %,10d rows %,8.1f MB in %6.2f s = %,8d rows/s (the download: %s s); live heap %s MiB"
                        + " before, %s at peak during, %s after (growth %s MiB)%n", "job live_messages " + format, rows,
                bytes / 1e6, seconds, Math.round(rows / seconds), downloadSeconds, mib(heapBefore), mib(peak.get()),
                mib(heapAfter), mib(peak.get() - heapBefore));
        return result;
    }

    /** Starts a job of the session's live messages and waits for it to complete; its final status. */
    private jakarta.json.JsonObject runJob(String code, String format) throws Exception {
        HttpResponse<String> started = http.send(Benchmark.api(HttpRequest.newBuilder(base.resolve("/api/exports/jobs")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"exports\":[\"live_messages\"],\"sessions\":[\"" + code + "\"],\"format\":\"" + format
                                + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 201) {
            throw new IllegalStateException("starting the job: " + started.statusCode() + " " + started.body());
        }
        long id = JsonText.readObject(started.body()).getJsonNumber("id").longValue();
        while (true) {
            HttpResponse<String> status = http.send(Benchmark.api(HttpRequest.newBuilder(
                    base.resolve("/api/exports/jobs/" + id))).GET().build(), HttpResponse.BodyHandlers.ofString());
            jakarta.json.JsonObject job = JsonText.readObject(status.body());
            switch (job.getString("status")) {
                case "COMPLETED" -> {
                    return job;
                }
                case "FAILED", "STOPPED", "ABANDONED" -> throw new IllegalStateException("job " + id + ": " + job);
                default -> java.util.concurrent.locks.LockSupport.parkNanos(50_000_000); // polling a server, not a test
            }
        }
    }

    /** The server's highest live heap while {@code work} runs (sampled again and again, each a full collection). */
    private long peakHeapDuring(long heapBefore, java.util.concurrent.Callable<?> work) throws Exception {
        var stop = new AtomicBoolean();
        var peak = new AtomicLong(heapBefore);
        CompletableFuture<Void> sampler = CompletableFuture.runAsync(() -> {
            while (!stop.get()) {
                peak.accumulateAndGet(heapUsedAfterGc(), Math::max);
            }
        });
        try {
            work.call();
        } finally {
            stop.set(true);
            sampler.join();
        }
        return peak.get();
    }

    /** Rows (lines) and bytes of the export, read as they arrive. */
    private long[] download(String export) throws Exception {
        HttpResponse<InputStream> response = http.send(Benchmark.api(HttpRequest.newBuilder(
                base.resolve("/api/exports/" + export))).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(export + ": " + response.statusCode() + " "
                    + new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
        }
        long lines = 0;
        long bytes = 0;
        try (InputStream body = response.body()) {
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = body.read(buffer)) > 0) {
                bytes += read;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return new long[] {lines, bytes};
    }

    private long heapUsedAfterGc() {
        return Benchmark.heapUsedAfterGc(server);
    }

    private static double mib(long bytes) {
        return bytes < 0 ? -1 : round(bytes / 1024.0 / 1024.0);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
