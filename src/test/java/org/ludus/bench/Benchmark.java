package org.ludus.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.ludus.bots.LivePlayer;
import org.ludus.bots.Participants;
import org.ludus.testkit.Database;

/**
 * The auction against a running server, through real sockets, next to the database's own ceiling for the
 * same transaction measured in the same run. Prints figures and writes them to a JSON file; asserts nothing
 * about speed. Run: see README ("Benchmark").
 */
public final class Benchmark {

    /** One thread per connection: the runs are bounded (at most a few hundred connections). */
    private static final java.util.concurrent.ExecutorService WORKERS = java.util.concurrent.Executors.newCachedThreadPool(
            runnable -> {
                Thread thread = new Thread(runnable);
                thread.setDaemon(true);
                return thread;
            });

    private final URI base;
    private final String jdbcUrl;
    private final String jdbcUser;
    private final String jdbcPassword;
    private final int bidsPerConnection;
    private final HttpClient http = Participants.httpClient();
    private final List<Map<String, Object>> results = new ArrayList<>();
    private final Optional<ProcessHandle> server;

    Benchmark(URI base, String jdbcUrl, String jdbcUser, String jdbcPassword, int bidsPerConnection) {
        this.base = base;
        this.jdbcUrl = jdbcUrl;
        this.jdbcUser = jdbcUser;
        this.jdbcPassword = jdbcPassword;
        this.bidsPerConnection = bidsPerConnection;
        this.server = findServer(base.getPort());
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(System.getProperty("bench.url", "http://localhost:8080/"));
        String jdbcUrl = System.getProperty("bench.jdbcUrl",
                "jdbc:h2:file:" + Path.of("target/wildfly/standalone/data/ludus/ludus").toAbsolutePath()
                        + ";AUTO_SERVER=TRUE");
        var bench = new Benchmark(base, jdbcUrl, System.getProperty("bench.jdbcUser", "sa"),
                System.getProperty("bench.jdbcPassword", "sa"), Integer.getInteger("bench.bids", 200));
        List<Integer> groups = ints(System.getProperty("bench.groups", "1,10,50"));
        List<Integer> inFlight = ints(System.getProperty("bench.inflight", "1,8"));
        System.out.printf("Ludus benchmark against %s (database %s), %d bids per connection, server pid %s%n",
                base, jdbcUrl.replaceAll("password=[^&;]*", ""), bench.bidsPerConnection,
                bench.server.map(p -> String.valueOf(p.pid())).orElse("not found: no CPU figures"));
        System.out.printf("%-7s %-6s %9s %9s %11s %8s %8s %8s %8s %7s %10s %9s %7s %s%n", "groups", "flight", "bids",
                "bids/s", "bcasts/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "cpu %", "cpu ms/bid", "ceiling/s", "ratio",
                "db check");
        int warmUpRounds = Integer.getInteger("bench.warmupRounds", 4); // 0: none
        if (warmUpRounds > 0) {
            bench.warmUp(50, 100, warmUpRounds, 3 * warmUpRounds); // 15,000 bids a round
        }
        for (int g : groups) {
            for (int k : inFlight) {
                bench.auctionRun(g, k, 0);
            }
        }
        // latency at half of the best throughput just measured, with the largest number of groups
        double peak = bench.results.stream().mapToDouble(r -> ((Number) r.get("bids_per_s")).doubleValue()).max()
                .orElse(0);
        int most = groups.stream().mapToInt(Integer::intValue).max().orElse(1);
        if (peak > 0 && Boolean.parseBoolean(System.getProperty("bench.halfPeak", "true"))) {
            bench.auctionRun(most, 1, peak / 2);
        }
        int connections = Integer.getInteger("bench.connections", 0);
        if (connections > 0) {
            bench.connectionScale(connections, Integer.getInteger("bench.largeGroup", 1000));
        }
        Path out = Path.of(System.getProperty("bench.out", "target/bench/results-"
                + Instant.now().toString().replace(':', '-') + ".json"));
        Files.createDirectories(out.getParent());
        Files.writeString(out, Json.createArrayBuilder(bench.results.stream()
                .map(r -> Json.createObjectBuilder(r).build()).toList()).build().toString());
        System.out.println("results written to " + out);
    }

    /** What one run of the auction did, before it is checked and reported. */
    private record Played(List<String> codes, Map<Integer, AtomicLong> highestSent, long[] roundTrips,
            double seconds, Cpu cpuUsed, long broadcasts, long refused) {
    }

    /**
     * CPU time spent so far, in nanoseconds: by the whole machine (/proc/stat), the server's JVM, this load
     * generator and each process of the local PostgreSQL (the ceiling's connections end, Ludus's pool stays).
     */
    private record CpuReading(long machine, long server, long client, Map<Long, Long> databaseByPid) {
        /** What was spent since {@code earlier}; a database process that started since counts from zero. */
        Cpu since(CpuReading earlier) {
            long database = 0;
            for (var process : databaseByPid.entrySet()) {
                database += process.getValue() - earlier.databaseByPid.getOrDefault(process.getKey(), 0L);
            }
            return new Cpu(machine - earlier.machine, server - earlier.server, client - earlier.client, database);
        }
    }

    /**
     * CPU time spent during a run, in nanoseconds. On a machine whose cores the server, the database and the
     * load generator all share, the split says where a bid's cost lands.
     */
    record Cpu(long machine, long server, long client, long database) {
        /** The kernel's network work and everything else on the machine. */
        long rest() {
            return Math.max(0, machine - server - client - database);
        }

        /** Milliseconds per unit of work (bid or transaction). */
        static double perUnit(long nanos, long units) {
            return Math.round(nanos / 1e6 / units * 100) / 100.0;
        }
    }

    /**
     * Plays rounds of {@code groups} auction groups of 3, unreported, so that the measured runs meet a server
     * whose code is compiled: on this 2-core machine the JIT competes with the load for the cores, and a
     * fresh server took about 100,000 bids to reach its speed (5.3 ms of server CPU per bid at first, 1.4 ms
     * after). At least {@code minRounds}, then until the server's CPU per bid improves by less than 10%.
     */
    void warmUp(int groups, int bidsPerRound, int minRounds, int maxRounds) throws Exception {
        double previous = Double.MAX_VALUE;
        for (int round = 1; round <= maxRounds; round++) {
            Played played = play(groups, 8, 0, bidsPerRound);
            double cpuPerBid = played.cpuUsed().server() / 1e6 / played.roundTrips().length;
            System.out.printf("warm-up round %d: %.0f bids/s, %.2f ms of server CPU per bid (not reported)%n",
                    round, played.roundTrips().length / played.seconds(), cpuPerBid);
            if (round >= minRounds && cpuPerBid > previous * 0.9) {
                return;
            }
            previous = cpuPerBid;
        }
    }

    /**
     * Plays {@code groups} auction groups of 3, every connection keeping {@code inFlight} bids in flight, or,
     * with {@code totalRate} > 0, sending on a fixed schedule that adds up to that many bids per second, each
     * connection starting at a random point of its period (like people bidding independently, not in step).
     */
    private Played play(int groups, int inFlight, double totalRate, int bidsPerConnection) throws Exception {
        List<String> codes = createSession(3 * groups);
        vacuumIfAutovacuumIsOff();
        var players = new ArrayList<LivePlayer>();
        var broadcasts = new LongAdder();
        for (String code : codes) {
            int page = Participants.start(http, base, code);
            players.add(LivePlayer.connect(http, base, code, page, data -> countBroadcast(data, broadcasts)));
        }
        // one bid counter per group: every bid is higher than the ones taken before it in its group
        var counters = new ConcurrentHashMap<Integer, AtomicLong>();
        var highestSent = new ConcurrentHashMap<Integer, AtomicLong>();
        long[] roundTrips = new long[codes.size() * bidsPerConnection];
        var next = new AtomicLong();
        var refused = new LongAdder();
        var start = new CountDownLatch(1);
        var began = new AtomicLong();
        var done = new ArrayList<CompletableFuture<Void>>();
        long periodNanos = totalRate > 0 ? (long) (1e9 * codes.size() / totalRate) : 0;
        CpuReading cpuBefore = cpu();
        for (int i = 0; i < players.size(); i++) {
            LivePlayer player = players.get(i);
            int group = i / 3;
            AtomicLong counter = counters.computeIfAbsent(group, x -> new AtomicLong());
            AtomicLong highest = highestSent.computeIfAbsent(group, x -> new AtomicLong());
            long offsetNanos = periodNanos > 0 ? ThreadLocalRandom.current().nextLong(periodNanos) : 0;
            done.add(CompletableFuture.runAsync(() -> {
                var window = new Semaphore(inFlight);
                var answers = new ArrayList<CompletableFuture<?>>();
                try {
                    start.await();
                    long due = began.get() + offsetNanos;
                    for (int b = 0; b < bidsPerConnection; b++) {
                        window.acquire();
                        if (periodNanos > 0) {
                            java.util.concurrent.locks.LockSupport.parkNanos(due - System.nanoTime());
                            due += periodNanos;
                        }
                        long bid = counter.incrementAndGet();
                        highest.accumulateAndGet(bid, Math::max);
                        long sent = System.nanoTime();
                        answers.add(player.send(Map.of("bid", bid)).whenComplete((answer, error) -> {
                            roundTrips[(int) next.getAndIncrement()] = System.nanoTime() - sent;
                            if (error != null || !answer.ok()) {
                                refused.increment();
                            }
                            window.release();
                        }));
                    }
                    CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, WORKERS));
        }
        began.set(System.nanoTime());
        start.countDown();
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(30, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - began.get()) / 1e9;
        Cpu cpuUsed = cpu().since(cpuBefore);
        players.forEach(LivePlayer::close);
        return new Played(codes, highestSent, roundTrips, seconds, cpuUsed, broadcasts.sum(), refused.sum());
    }

    /** One reported run (see {@link #play}), its database check, and the database's ceiling beside it. */
    void auctionRun(int groups, int inFlight, double totalRate) throws Exception {
        Played played = play(groups, inFlight, totalRate, bidsPerConnection);
        List<String> codes = played.codes();
        long[] roundTrips = played.roundTrips();
        double seconds = played.seconds();
        Cpu cpuUsed = played.cpuUsed();
        long broadcastCount = played.broadcasts();
        long bids = (long) codes.size() * bidsPerConnection;
        Arrays.sort(roundTrips);
        String check = verify(codes, played.highestSent(), groups);
        // The ceiling moved by up to a third between runs minutes apart (autovacuum, checkpoints), so it is
        // measured several times on the same groups and the median run is the one compared with.
        List<Ceiling> ceilings = ceilings(codes, groups, false);
        Ceiling ceiling = median(ceilings);
        Ceiling sameStatements = median(ceilings(codes, groups, true));
        double bidsPerSecond = bids / seconds;
        double cpuPercent = cpuUsed.server() / 1e9 / seconds / Runtime.getRuntime().availableProcessors() * 100;
        double cpuMillisPerBid = Cpu.perUnit(cpuUsed.server(), bids);
        // The database's CPU per ceiling transaction over its CPU per bid: the share of the ceiling Ludus would
        // reach if the database alone were the limit (server and load generator on cores of their own).
        double databaseBoundRatio = Cpu.perUnit(ceiling.cpu().database(), ceiling.transactions())
                / Cpu.perUnit(cpuUsed.database(), bids);
        var row = new LinkedHashMap<String, Object>();
        row.put("groups", groups);
        row.put("in_flight", inFlight);
        row.put("paced_to_bids_per_s", round(totalRate));
        row.put("bids", bids);
        row.put("refused", played.refused());
        row.put("seconds", round(seconds));
        row.put("bids_per_s", round(bidsPerSecond));
        row.put("broadcasts_per_s", round(broadcastCount / seconds));
        row.put("rtt_p50_ms", millis(roundTrips, 0.50));
        row.put("rtt_p95_ms", millis(roundTrips, 0.95));
        row.put("rtt_p99_ms", millis(roundTrips, 0.99));
        row.put("rtt_max_ms", round(roundTrips[roundTrips.length - 1] / 1e6));
        row.put("server_cpu_percent", server.isPresent() ? round(cpuPercent) : -1);
        // server CPU per bid: steadier than rates on a machine whose cores are shared with other work
        row.put("server_cpu_ms_per_bid", server.isPresent() ? cpuMillisPerBid : -1);
        row.put("load_generator_cpu_ms_per_bid", Cpu.perUnit(cpuUsed.client(), bids));
        row.put("database_cpu_ms_per_bid", Cpu.perUnit(cpuUsed.database(), bids));
        row.put("rest_of_machine_cpu_ms_per_bid", Cpu.perUnit(cpuUsed.rest(), bids));
        row.put("db_ceiling_tx_per_s", round(ceiling.perSecond()));
        row.put("db_ceiling_runs_tx_per_s", ceilings.stream().map(c -> round(c.perSecond())).toList());
        row.put("db_ceiling_load_generator_cpu_ms_per_tx", Cpu.perUnit(ceiling.cpu().client(), ceiling.transactions()));
        row.put("db_ceiling_database_cpu_ms_per_tx", Cpu.perUnit(ceiling.cpu().database(), ceiling.transactions()));
        row.put("db_ceiling_rest_of_machine_cpu_ms_per_tx", Cpu.perUnit(ceiling.cpu().rest(), ceiling.transactions()));
        row.put("ratio_to_ceiling", Math.round(bidsPerSecond / ceiling.perSecond() * 100) / 100.0);
        row.put("same_statements_ceiling_tx_per_s", round(sameStatements.perSecond()));
        row.put("same_statements_ceiling_database_cpu_ms_per_tx",
                Cpu.perUnit(sameStatements.cpu().database(), sameStatements.transactions()));
        row.put("ratio_to_same_statements_ceiling", Math.round(bidsPerSecond / sameStatements.perSecond() * 100) / 100.0);
        boolean projected = server.isPresent() && ceiling.cpu().database() > 0;
        row.put("database_bound_ratio", projected ? Math.round(databaseBoundRatio * 100) / 100.0 : -1);
        row.put("db_check", check);
        row.put("jdbc", jdbcUrl.startsWith("jdbc:postgresql") ? "postgresql" : "h2");
        results.add(row);
        if (totalRate > 0) {
            System.out.printf("paced to %.0f bids/s (half of the peak):%n", totalRate);
        }
        System.out.printf("%-7d %-6d %9d %9.0f %11.0f %8.1f %8.1f %8.1f %8.1f %7.0f %10.2f %9.0f %6.0f%% %s%n", groups,
                inFlight, bids, bidsPerSecond, broadcastCount / seconds, millis(roundTrips, 0.50),
                millis(roundTrips, 0.95), millis(roundTrips, 0.99), roundTrips[roundTrips.length - 1] / 1e6,
                server.isPresent() ? cpuPercent : -1, server.isPresent() ? cpuMillisPerBid : -1, ceiling.perSecond(),
                100 * bidsPerSecond / ceiling.perSecond(), check);
        if (projected) {
            System.out.printf("        CPU ms per bid: server %.2f, load generator %.2f, database %.2f, rest %.2f."
                            + " Per ceiling transaction: load generator %.2f, database %.2f, rest %.2f."
                            + " Database-bound share: %.0f%%.%n        The same 5 statements over JDBC without Ludus:"
                            + " %.0f tx/s, database %.2f ms per tx; Ludus reaches %.0f%% of it.%n",
                    cpuMillisPerBid, Cpu.perUnit(cpuUsed.client(), bids), Cpu.perUnit(cpuUsed.database(), bids),
                    Cpu.perUnit(cpuUsed.rest(), bids), Cpu.perUnit(ceiling.cpu().client(), ceiling.transactions()),
                    Cpu.perUnit(ceiling.cpu().database(), ceiling.transactions()),
                    Cpu.perUnit(ceiling.cpu().rest(), ceiling.transactions()), 100 * databaseBoundRatio,
                    sameStatements.perSecond(), Cpu.perUnit(sameStatements.cpu().database(), sameStatements.transactions()),
                    100 * bidsPerSecond / sameStatements.perSecond());
        }
    }

    /**
     * N idle live connections, heartbeating like pages, on one server: the server's heap per connection; then
     * one bid in a group of {@code largeGroup} and how long its broadcast takes to reach every member.
     */
    void connectionScale(int connections, int largeGroup) throws Exception {
        long heapBefore = heapUsedAfterGc(server);
        List<String> codes = createSession(connections, Math.min(largeGroup, connections));
        var startPool = java.util.concurrent.Executors.newFixedThreadPool(16);
        List<Integer> pages = startPool.invokeAll(codes.stream()
                .map(code -> (java.util.concurrent.Callable<Integer>) () -> Participants.start(http, base, code))
                .toList()).stream().map(f -> {
                    try {
                        return f.get();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
        startPool.shutdown();
        long[] received = new long[connections];
        var arrived = new CountDownLatch(Math.min(largeGroup, connections));
        var players = new ArrayList<LivePlayer>(connections);
        long opening = System.nanoTime();
        for (int i = 0; i < connections; i++) {
            int index = i;
            players.add(LivePlayer.connect(http, base, codes.get(i), pages.get(i), data -> {
                if (data instanceof JsonObject news && news.containsKey("bid")) {
                    received[index] = System.nanoTime();
                    arrived.countDown();
                }
            }));
        }
        double openSeconds = (System.nanoTime() - opening) / 1e9;
        var heartbeat = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        heartbeat.scheduleAtFixedRate(() -> players.forEach(LivePlayer::ping), 0, 20, TimeUnit.SECONDS);
        long heapWith = heapUsedAfterGc(server);
        long sent = System.nanoTime();
        LivePlayer.Answer answer = players.get(0).send(Map.of("bid", 1)).get(1, TimeUnit.MINUTES);
        boolean all = arrived.await(2, TimeUnit.MINUTES);
        long[] latencies = Arrays.stream(received, 0, Math.min(largeGroup, connections))
                .map(t -> t == 0 ? Long.MAX_VALUE : t - sent).sorted().toArray();
        heartbeat.shutdownNow();
        players.forEach(LivePlayer::close);
        var row = new LinkedHashMap<String, Object>();
        row.put("run", "connections");
        row.put("connections", connections);
        row.put("open_seconds", round(openSeconds));
        row.put("server_heap_before_mib", heapBefore < 0 ? -1 : heapBefore / 1048576);
        row.put("server_heap_with_connections_mib", heapWith < 0 ? -1 : heapWith / 1048576);
        row.put("heap_per_connection_kib", heapBefore < 0 ? -1 : round((heapWith - heapBefore) / 1024.0 / connections));
        row.put("large_group", Math.min(largeGroup, connections));
        row.put("broadcast_reached_all", all && answer.ok());
        row.put("broadcast_p50_ms", millis(latencies, 0.5));
        row.put("broadcast_p99_ms", millis(latencies, 0.99));
        row.put("broadcast_max_ms", round(latencies[latencies.length - 1] / 1e6));
        results.add(row);
        System.out.printf("%d connections open in %.1f s; server heap %d -> %d MiB after GC: %.1f KiB per connection;"
                + " a bid in a group of %d reached all: %s, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", connections,
                openSeconds, heapBefore / 1048576, heapWith / 1048576,
                (heapWith - heapBefore) / 1024.0 / connections, Math.min(largeGroup, connections), all && answer.ok(),
                millis(latencies, 0.5), millis(latencies, 0.99), latencies[latencies.length - 1] / 1e6);
    }

    /**
     * The server's live heap: the bytes of the objects a full collection keeps, counted by jcmd's class
     * histogram (one safepoint: collect, then count, so nothing allocated in between is counted, as it would be
     * by GC.run then GC.heap_info); -1 without the server's pid. Nothing is added to the server for this.
     */
    static long heapUsedAfterGc(Optional<ProcessHandle> server) {
        if (server.isEmpty()) {
            return -1;
        }
        try {
            String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
            Process histogram = new ProcessBuilder(jcmd, String.valueOf(server.get().pid()), "GC.class_histogram")
                    .redirectErrorStream(true).start();
            String text = new String(histogram.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            histogram.waitFor();
            var total = java.util.regex.Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$").matcher(text);
            return total.find() ? Long.parseLong(total.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void countBroadcast(JsonValue data, LongAdder broadcasts) {
        if (data instanceof JsonObject news && news.containsKey("bid")) {
            broadcasts.increment();
        }
    }

    /** Every group's highest_bid in the database must be the highest bid sent to it. */
    private String verify(List<String> codes, Map<Integer, AtomicLong> highestSent, int groups) throws SQLException {
        int wrong = 0;
        try (Connection db = DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword);
                var query = db.prepareStatement("select g.highest_bid from auction_group g join auction_player p"
                        + " on p.group_id = g.id join participant pa on pa.id = p.participant_id where pa.code = ?")) {
            for (int group = 0; group < groups; group++) {
                query.setString(1, codes.get(3 * group));
                try (var rows = query.executeQuery()) {
                    rows.next();
                    BigDecimal stored = rows.getBigDecimal(1);
                    if (stored.compareTo(BigDecimal.valueOf(highestSent.get(group).get())) != 0) {
                        wrong++;
                    }
                }
            }
        }
        return wrong == 0 ? "ok (" + groups + " groups)" : "WRONG in " + wrong + " groups";
    }

    private static final int CEILING_RUNS = Integer.getInteger("bench.ceilingRuns", 3);

    /** {@link #CEILING_RUNS} measurements of the ceiling, slowest first. */
    private List<Ceiling> ceilings(List<String> codes, int groups, boolean liveStatements) throws Exception {
        var ceilings = new ArrayList<Ceiling>();
        for (int run = 0; run < CEILING_RUNS; run++) {
            ceilings.add(ceiling(codes, groups, 3 * bidsPerConnection, liveStatements));
        }
        ceilings.sort(java.util.Comparator.comparingDouble(Ceiling::perSecond));
        return ceilings;
    }

    /**
     * On a PostgreSQL with autovacuum off (as on this project's test machine), does its work before a run:
     * never analyzed, the tables have no statistics, and the planner joined the live path's players to the
     * whole participant table by a sequential scan (a billion rows read in one morning of runs), and the
     * database's CPU per bid doubled as the table grew. With autovacuum on, as PostgreSQL ships, this does
     * nothing.
     */
    private void vacuumIfAutovacuumIsOff() throws SQLException {
        if (!jdbcUrl.startsWith("jdbc:postgresql")) {
            return;
        }
        try (Connection db = DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword);
                var statement = db.createStatement()) {
            try (var on = statement.executeQuery("show autovacuum")) {
                on.next();
                if ("on".equals(on.getString(1))) {
                    return;
                }
            }
            if (!autovacuumOffReported) {
                System.out.println("autovacuum is off on this database: the benchmark vacuums and analyzes the"
                        + " auction's tables before each run");
                autovacuumOffReported = true;
            }
            statement.execute("vacuum (analyze) participant, auction_player, auction_group, auction_bid");
        }
    }

    private boolean autovacuumOffReported;

    private static Ceiling median(List<Ceiling> slowestFirst) {
        return slowestFirst.get(slowestFirst.size() / 2);
    }

    /** The ceiling's rate, and the CPU its transactions took. */
    private record Ceiling(double perSecond, long transactions, Cpu cpu) {
    }

    /**
     * The database's ceiling for the live path's transaction, without Ludus: one JDBC connection per group,
     * each locking its group's row, updating it, inserting a bid row, committing, as fast as it can. With
     * {@code liveStatements}, the statements of Ludus's live path instead: the group's players with the log's
     * duplicate check, the group's update with its message number, the bid, and the log's row: the same SQL as
     * Ludus, without Ludus.
     */
    private Ceiling ceiling(List<String> codes, int groups, int txPerConnection, boolean liveStatements)
            throws Exception {
        List<long[]> ids = new ArrayList<>(); // per group: group id, a member's participant id, its page, its player id
        try (Connection db = DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword);
                var query = db.prepareStatement("select p.group_id, pa.id, pa.index_in_pages, p.id from auction_player p"
                        + " join participant pa on pa.id = p.participant_id where pa.code = ?")) {
            for (int group = 0; group < groups; group++) {
                query.setString(1, codes.get(3 * group));
                try (var rows = query.executeQuery()) {
                    rows.next();
                    ids.add(new long[] {rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4)});
                }
            }
        }
        String client = "ceiling-" + java.util.UUID.randomUUID(); // a client of its own: every message is new
        long seqBase = System.currentTimeMillis() * 1000; // the log's (group, seq) is unique: a range of its own
        boolean postgres = jdbcUrl.startsWith("jdbc:postgresql");
        String nextId = postgres ? "nextval('auction_bid_seq')" : "next value for auction_bid_seq";
        String nextLogId = postgres ? "nextval('live_log_seq')" : "next value for live_log_seq";
        var start = new CountDownLatch(1);
        // the CPU is read before the connections close: a closed connection's database process is gone
        var connected = new CountDownLatch(groups);
        var loopsDone = new CountDownLatch(groups);
        var close = new CountDownLatch(1);
        var workers = new ArrayList<CompletableFuture<Void>>();
        // one connection per group: more would only queue on the group's row lock (and on max_connections)
        int connections = groups;
        for (int c = 0; c < connections; c++) {
            long groupId = ids.get(c)[0];
            long participantId = ids.get(c)[1];
            long pageIndex = ids.get(c)[2];
            int idInGroup = 1;
            long playerId = ids.get(c)[3];
            workers.add(CompletableFuture.runAsync(() -> {
                try (Connection db = DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword);
                        var lock = db.prepareStatement("select highest_bid from auction_group where id = ? for update");
                        var update = db.prepareStatement("update auction_group set highest_bid = ?,"
                                + " highest_bidder = ? where id = ?");
                        var insert = db.prepareStatement("insert into auction_bid (id, group_id, player_id, bid,"
                                + " placed_at) values (" + nextId + ", ?, ?, ?, ?)");
                        // the live path's own (LiveDispatcher.readGroup, the group's number, the log's row)
                        var players = db.prepareStatement("select p.*, pa.code, case when pa.visited then"
                                + " pa.index_in_pages else -1 end, (select l.seq from live_log l where"
                                + " l.participant_id = ? and l.client_id = ? and l.message_id = ?) from auction_player p"
                                + " join participant pa on pa.id = p.participant_id where p.group_id = ?"
                                + " order by p.id_in_group");
                        var updateLive = db.prepareStatement("update auction_group set highest_bid = ?,"
                                + " highest_bidder = ?, live_seq = ? where id = ?");
                        var log = db.prepareStatement("insert into live_log (id, session_id, session_code, app_name,"
                                + " round_number, page_index, page_name, group_id, group_id_in_subsession,"
                                + " participant_id, participant_code, id_in_group, client_id, message_id, seq,"
                                + " received_at, committed_at, data_json, delivered_json) values (" + nextLogId
                                + ", 0, 'ceiling', 'auction', 1, ?, 'BidPage', ?, 1, ?, 'ceiling', 1, ?, ?, ?, ?, ?,"
                                + " ?, ?)")) {
                    db.setAutoCommit(false);
                    connected.countDown();
                    start.await();
                    for (int t = 0; t < txPerConnection; t++) {
                        lock.setLong(1, groupId);
                        BigDecimal highest;
                        try (var rows = lock.executeQuery()) {
                            rows.next();
                            highest = rows.getBigDecimal(1);
                        }
                        if (liveStatements) {
                            players.setLong(1, participantId);
                            players.setString(2, client);
                            players.setLong(3, t + 1);
                            players.setLong(4, groupId);
                            try (var rows = players.executeQuery()) {
                                while (rows.next()) {
                                    rows.getString("code");
                                }
                            }
                        }
                        BigDecimal bid = highest.add(BigDecimal.ONE);
                        if (liveStatements) {
                            updateLive.setBigDecimal(1, bid);
                            updateLive.setInt(2, idInGroup);
                            updateLive.setLong(3, seqBase + t + 1);
                            updateLive.setLong(4, groupId);
                            updateLive.executeUpdate();
                        } else {
                            update.setBigDecimal(1, bid);
                            update.setInt(2, idInGroup);
                            update.setLong(3, groupId);
                            update.executeUpdate();
                        }
                        insert.setLong(1, groupId);
                        insert.setLong(2, playerId);
                        insert.setBigDecimal(3, bid);
                        insert.setTimestamp(4, java.sql.Timestamp.from(Instant.now()));
                        insert.executeUpdate();
                        if (liveStatements) {
                            var now = java.sql.Timestamp.from(Instant.now());
                            log.setLong(1, pageIndex);
                            log.setLong(2, groupId);
                            log.setLong(3, participantId);
                            log.setString(4, client);
                            log.setLong(5, t + 1);
                            log.setLong(6, seqBase + t + 1);
                            log.setTimestamp(7, now);
                            log.setTimestamp(8, now);
                            log.setString(9, "{\"bid\":" + bid + "}");
                            log.setString(10, "{\"1\":{\"id_in_group\":1,\"bid\":" + bid + "},\"2\":{\"id_in_group\":1,"
                                    + "\"bid\":" + bid + "},\"3\":{\"id_in_group\":1,\"bid\":" + bid + "}}");
                            log.executeUpdate();
                        }
                        db.commit();
                    }
                    loopsDone.countDown();
                    close.await();
                } catch (SQLException | InterruptedException e) {
                    connected.countDown(); // the run fails below (allOf), rather than waiting for this one
                    loopsDone.countDown();
                    throw new IllegalStateException(e);
                }
            }, WORKERS));
        }
        connected.await(1, TimeUnit.MINUTES); // their database processes exist before the CPU is first read
        CpuReading cpuBefore = cpu();
        long began = System.nanoTime();
        start.countDown();
        loopsDone.await(30, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - began) / 1e9;
        Cpu cpuUsed = cpu().since(cpuBefore);
        close.countDown();
        CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).get(1, TimeUnit.MINUTES);
        long transactions = (long) connections * txPerConnection;
        return new Ceiling(transactions / seconds, transactions, cpuUsed);
    }

    private List<String> createSession(int participants) throws IOException, InterruptedException {
        return createSession(participants, 3);
    }

    private List<String> createSession(int participants, int groupSize) throws IOException, InterruptedException {
        HttpResponse<String> created = http.send(api(HttpRequest.newBuilder(base.resolve("/api/sessions/")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"session_config_name\":\"auction\","
                        + "\"num_participants\":" + participants + ",\"modified_session_config_fields\":"
                        + "{\"players_per_group\":" + groupSize + "}}")).build(), HttpResponse.BodyHandlers.ofString());
        String code = json(created.body()).getString("code");
        JsonObject session = json(http.send(api(HttpRequest.newBuilder(base.resolve("/api/sessions/" + code))).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        return session.getJsonArray("participants").getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("code")).toList();
    }

    /** The REST key, when the server has one (-Dbench.restKey, or LUDUS_REST_KEY as the server reads it). */
    static HttpRequest.Builder api(HttpRequest.Builder request) {
        String key = System.getProperty("bench.restKey", System.getenv("LUDUS_REST_KEY"));
        return key == null || key.isEmpty() ? request : request.header("otree-rest-key", key);
    }

    /** The server's JVM, found by the HTTP port it serves (jboss-modules with that port offset). */
    static Optional<ProcessHandle> findServer(int port) {
        String pid = System.getProperty("bench.serverPid");
        if (pid != null) {
            return ProcessHandle.of(Long.parseLong(pid));
        }
        int offset = port - 8080;
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("jboss-modules.jar")
                        && (offset == 0 ? !c.contains("port-offset=") : c.contains("port-offset=" + offset)))
                        .orElse(false))
                .findFirst();
    }

    private CpuReading cpu() {
        return new CpuReading(machineBusyNanos(), cpuNanos(server), cpuNanos(Optional.of(ProcessHandle.current())),
                databaseCpu());
    }

    private static long cpuNanos(Optional<ProcessHandle> process) {
        return process.flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO).toNanos();
    }

    /** CPU so far of each process of a PostgreSQL on this machine (none for H2: it runs inside the server). */
    private Map<Long, Long> databaseCpu() {
        var byPid = new java.util.HashMap<Long, Long>();
        if (jdbcUrl.startsWith("jdbc:postgresql://127.0.0.1") || jdbcUrl.startsWith("jdbc:postgresql://localhost")) {
            ProcessHandle.allProcesses()
                    .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                    .forEach(p -> byPid.put(p.pid(), cpuNanos(Optional.of(p))));
        }
        return byPid;
    }

    /** The machine's busy CPU time so far: /proc/stat's first line minus idle and iowait, in clock ticks. */
    private static long machineBusyNanos() {
        try {
            String[] ticks = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i <= 8 && i < ticks.length; i++) { // user nice system idle iowait irq softirq steal
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(ticks[i]);
                }
            }
            return busy * (1_000_000_000L / CLOCK_TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return 0; // not Linux: "rest" shows as 0
        }
    }

    /** USER_HZ: 100 on every Linux architecture this runs on (getconf CLK_TCK). */
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private static double millis(long[] sortedNanos, double quantile) {
        int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(quantile * sortedNanos.length) - 1);
        return round(sortedNanos[Math.max(0, index)] / 1e6);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static List<Integer> ints(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).map(Integer::valueOf).toList();
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
