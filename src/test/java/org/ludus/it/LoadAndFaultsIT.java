package org.ludus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.ludus.bots.LiveSocket;
import org.ludus.testkit.Database;
import org.ludus.testkit.LiveClient;
import org.ludus.testkit.LudusIT;

/** The guarantees under load and under attack: a crowd in one group, a flood of bad frames, foreign pages. */
class LoadAndFaultsIT extends LudusIT {

    private static final String WHERE_GROUP_OF = " join auction_player p on p.group_id = g.id join participant pa"
            + " on pa.id = p.participant_id where pa.code = ?";

    @Test
    void aHundredBiddersInOneGroupLoseNothingAndSeeTheSameIncreasingSequence() throws Exception {
        var api = newApi();
        int players = 100;
        int bidsEach = 100;
        List<String> codes = api.createSession("auction", players, "{\"players_per_group\":100}").participants();
        var clients = new ArrayList<LiveClient>();
        for (String code : codes) {
            clients.add(LiveClient.connect(api.base(), code, api.start(code)));
        }
        var amounts = new ArrayList<Integer>();
        for (int i = 1; i <= players * bidsEach; i++) {
            amounts.add(i);
        }
        Collections.shuffle(amounts, new Random(7));
        ExecutorService pool = Executors.newFixedThreadPool(players);
        try {
            var allCommitted = new CyclicBarrier(players);
            var sequences = new ArrayList<CompletableFuture<List<BigDecimal>>>();
            for (int p = 0; p < players; p++) {
                LiveClient client = clients.get(p);
                List<Integer> mine = amounts.subList(p * bidsEach, (p + 1) * bidsEach);
                sequences.add(CompletableFuture.supplyAsync(() -> {
                    mine.forEach(amount -> client.send(Map.of("bid", amount)));
                    var frames = new ArrayList<>(client.untilAnswer(bidsEach));
                    try {
                        allCommitted.await(5, TimeUnit.MINUTES);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    frames.addAll(client.untilAnswer(client.send(Map.of())));
                    frames.forEach(f -> assertTrue(List.of("live", "ack").contains(f.getString("type")), f.toString()));
                    return LiveClient.liveData(frames).stream().map(JsonObject.class::cast)
                            .filter(d -> !d.containsKey("history"))
                            .map(d -> ((JsonNumber) d.get("bid")).bigDecimalValue()).toList();
                }, pool));
            }
            List<BigDecimal> first = sequences.get(0).get(10, TimeUnit.MINUTES);
            for (var sequence : sequences) {
                assertEquals(first, sequence.get(10, TimeUnit.MINUTES), "every player sees the same broadcasts");
            }
            for (int i = 1; i < first.size(); i++) {
                assertTrue(first.get(i).compareTo(first.get(i - 1)) > 0, "strictly increasing at " + i);
            }
            BigDecimal max = BigDecimal.valueOf((long) players * bidsEach);
            assertEquals(0, max.compareTo(first.get(first.size() - 1)));
            assertEquals(0, max.compareTo((BigDecimal) Database.single("select g.highest_bid from auction_group g"
                    + WHERE_GROUP_OF, codes.get(0))), "no lost update");
            assertEquals((long) first.size(), ((Number) Database.single("select count(*) from auction_bid b"
                    + " join auction_group g on g.id = b.group_id" + WHERE_GROUP_OF, codes.get(0))).longValue());
        } finally {
            pool.shutdownNow();
            clients.forEach(LiveClient::close);
        }
    }

    @Test
    void tenThousandBadFramesAreAnsweredWhileHonestPlayersGoOnAndTheHeapComesBack() throws Exception {
        var api = newApi();
        long heapBefore = ServerProcess.heapUsedAfterGc();
        List<String> honest = api.createSession("auction", 3).participants();
        List<String> others = api.createSession("auction", 3).participants();
        var honestClients = new ArrayList<LiveClient>();
        for (String code : honest) {
            honestClients.add(LiveClient.connect(api.base(), code, api.start(code)));
        }
        int otherPage = api.start(others.get(0));
        api.next(others.get(0), otherPage); // now on the results page: its live page is left behind

        var errors = new ConcurrentHashMap<String, AtomicInteger>();
        CompletableFuture<Integer> honestBids = CompletableFuture.supplyAsync(() -> {
            int acked = 0;
            for (int i = 1; i <= 300; i++) {
                LiveClient bidder = honestClients.get(i % 3);
                List<JsonObject> frames = bidder.untilAnswer(bidder.send(Map.of("bid", i)));
                if ("ack".equals(frames.get(frames.size() - 1).getString("type"))) {
                    acked++;
                }
            }
            return acked;
        });
        int badFrames = 0;
        try (LiveClient attacker = LiveClient.connect(api.base(), others.get(1), api.start(others.get(1)));
                LiveClient stale = LiveClient.connect(api.base(), others.get(0), otherPage)) {
            String nested = "[".repeat(20_000) + "]".repeat(20_000);
            String huge = "{\"type\":\"live\",\"id\":1,\"data\":\"" + "x".repeat(1 << 20) + "\"}";
            int[] sent = new int[2];
            int[] answered = new int[2];
            List<LiveClient> sockets = List.of(attacker, stale);
            for (int round = 0; round < 1700; round++) {
                attacker.sendRaw("{not json");
                attacker.sendRaw("{\"type\":\"live\",\"id\":1,\"data\":" + nested + "}");
                attacker.sendRaw("[1,2,3]");
                attacker.sendRaw("{\"type\":\"live\",\"id\":-5,\"data\":{}}");
                attacker.sendRaw("{\"type\":\"live\",\"id\":" + (round + 1) + ",\"data\":\"not a bid\"}");
                sent[0] += 5;
                if (round % 10 == 0) {
                    attacker.sendRaw(huge);
                    sent[0]++;
                }
                stale.sendRaw("{\"type\":\"live\",\"id\":" + (round + 1) + ",\"data\":{\"bid\":1}}");
                sent[1]++;
                for (int s = 0; s < 2; s++) { // read as we go, so that this client is no slow reader itself
                    JsonObject frame;
                    while ((frame = sockets.get(s).poll(java.time.Duration.ZERO)) != null) {
                        answered[s] += count(errors, frame);
                    }
                }
            }
            for (int s = 0; s < 2; s++) { // every bad frame gets exactly one answer: an error
                while (answered[s] < sent[s]) {
                    answered[s] += count(errors, sockets.get(s).next());
                }
                sockets.get(s).assertNothingBeforeState(); // no more than one each
            }
            badFrames = sent[0] + sent[1];
            assertTrue(errors.keySet().containsAll(List.of("malformed", "too_large", "bad_data", "not_on_page")),
                    errors.toString());
            assertEquals(badFrames, errors.values().stream().mapToInt(AtomicInteger::get).sum(), errors.toString());
            assertTrue(attacker.isOpen() && stale.isOpen(), "bad frames do not cost the socket");
        }
        for (int forged = 0; forged < 100; forged++) {
            try (LiveClient unknown = LiveClient.connect(api.base(), "/live/zzzz" + forged + "zzzzzzzzzz/0?client=x")) {
                assertEquals(4404, unknown.awaitClose().code());
            }
            badFrames++;
        }
        assertTrue(badFrames >= 10_000, "bad frames and forged handshakes: " + badFrames);
        assertEquals(300, honestBids.get(5, TimeUnit.MINUTES), "every honest bid was committed meanwhile");
        assertEquals(0, BigDecimal.valueOf(300).compareTo((BigDecimal) Database.single(
                "select g.highest_bid from auction_group g" + WHERE_GROUP_OF, honest.get(0))));
        assertEquals(0, ((Number) Database.single("select count(*) from auction_bid b join auction_group g"
                + " on g.id = b.group_id" + WHERE_GROUP_OF, others.get(1))).intValue(), "the attacker changed nothing");
        honestClients.forEach(LiveClient::close);
        long heapAfter = ServerProcess.heapUsedAfterGc();
        assertTrue(heapAfter < heapBefore + 64L * 1024 * 1024, "heap before " + heapBefore / 1024 / 1024
                + " MiB, after " + heapAfter / 1024 / 1024 + " MiB");
    }

    /** Counts an error frame by its code; returns 1 for an error, 0 for anything else (e.g. "moved"). */
    private static int count(Map<String, AtomicInteger> errors, JsonObject frame) {
        if (!"error".equals(frame.getString("type"))) {
            return 0;
        }
        errors.computeIfAbsent(frame.getString("code"), c -> new AtomicInteger()).incrementAndGet();
        return 1;
    }

    @Test
    void aFloodOverTheRateLimitIsRefusedFrameByFrame() throws Exception {
        var api = newApi();
        String code = api.createSession("auction", 3).participants().get(0);
        try (LiveClient flooder = LiveClient.connect(api.base(), code, api.start(code))) {
            int frames = 3000; // the default allows a burst of 1000, then 500 a second
            for (int i = 0; i < frames; i++) {
                flooder.sendRaw("{\"type\":\"ping\"}");
            }
            int limited = 0;
            for (int i = 0; i < frames; i++) {
                JsonObject frame = flooder.next();
                if ("rate_limited".equals(frame.getString("code", ""))) {
                    limited++;
                }
            }
            assertTrue(limited > 0, "some of the flood was refused");
            assertTrue(limited < frames - 900, "the allowance went through: " + limited);
        }
    }

    @Test
    void aHandshakeFromAForeignPageIsRefused() throws Exception {
        var api = newApi();
        String code = api.createSession("auction", 3).participants().get(0);
        int page = api.start(code);
        URI uri = LiveSocket.liveUri(api.base(), code, page, "origin1");
        CompletionException refused = assertThrows(CompletionException.class, () -> HttpClient.newHttpClient()
                .newWebSocketBuilder().header("Origin", "http://evil.example")
                .buildAsync(uri, new WebSocket.Listener() { }).join());
        assertTrue(refused.getCause() instanceof WebSocketHandshakeException handshake
                && handshake.getResponse().statusCode() == 403, String.valueOf(refused.getCause()));
        String sameSite = "http://" + api.base().getHost() + ":" + api.base().getPort();
        WebSocket allowed = HttpClient.newHttpClient().newWebSocketBuilder().header("Origin", sameSite)
                .buildAsync(uri, new WebSocket.Listener() { }).join();
        allowed.abort();
    }
}
