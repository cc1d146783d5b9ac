package org.ludus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.ludus.testkit.Database;
import org.ludus.testkit.LiveClient;
import org.ludus.testkit.LudusApi;
import org.ludus.testkit.LudusIT;

/** The seed's auction through real sockets against the deployed WAR, checked against the database. */
class AuctionLiveIT extends LudusIT {

    private static final int BIDS_PER_PLAYER = 200;

    @Test
    void concurrentBidsAreSerializedAndEveryPlayerSeesTheSameIncreasingBroadcasts() throws Exception {
        LudusApi api = newApi();
        var session = api.createSession("auction", 3);
        List<LiveClient> clients = new ArrayList<>();
        for (String code : session.participants()) {
            clients.add(LiveClient.connect(api.base(), code, api.start(code)));
        }
        // 600 distinct amounts in random order, 200 per player
        var amounts = new ArrayList<Integer>();
        for (int i = 1; i <= 3 * BIDS_PER_PLAYER; i++) {
            amounts.add(i);
        }
        Collections.shuffle(amounts, new Random(42));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            var broadcasts = new ArrayList<Future<List<JsonValue>>>();
            var allAcknowledged = new CyclicBarrier(3);
            for (int p = 0; p < 3; p++) {
                LiveClient client = clients.get(p);
                List<Integer> mine = amounts.subList(p * BIDS_PER_PLAYER, (p + 1) * BIDS_PER_PLAYER);
                broadcasts.add(pool.submit(bidAll(client, mine, allAcknowledged)));
            }
            List<List<BigDecimal>> seen = new ArrayList<>();
            for (var future : broadcasts) {
                seen.add(future.get().stream().map(v -> ((JsonNumber) ((JsonObject) v).get("bid")).bigDecimalValue())
                        .toList());
            }
            // every broadcast has reached every page by now: each page ended with a sync message whose ack
            // comes after every broadcast committed before it; so the three sequences must be identical
            assertEquals(seen.get(0), seen.get(1), "players 1 and 2 saw different broadcasts");
            assertEquals(seen.get(0), seen.get(2), "players 1 and 3 saw different broadcasts");
            List<BigDecimal> sequence = seen.get(0);
            for (int i = 1; i < sequence.size(); i++) {
                assertTrue(sequence.get(i).compareTo(sequence.get(i - 1)) > 0, "not increasing at " + i);
            }
            BigDecimal max = BigDecimal.valueOf(3L * BIDS_PER_PLAYER);
            assertEquals(0, sequence.get(sequence.size() - 1).compareTo(max), "the last broadcast is the max bid");
            String player1 = session.participants().get(0);
            assertEquals(0, max.compareTo((BigDecimal) Database.single("select g.highest_bid from auction_group g"
                    + " join auction_player p on p.group_id = g.id join participant pa on pa.id = p.participant_id"
                    + " where pa.code = ?", player1)), "highest_bid in the database");
            assertEquals((long) sequence.size(), ((Number) Database.single("select count(*) from auction_bid b"
                    + " join auction_player p on p.group_id = b.group_id join participant pa"
                    + " on pa.id = p.participant_id where pa.code = ?", player1)).longValue(),
                    "one bid row per broadcast");
        } finally {
            pool.shutdownNow();
            clients.forEach(LiveClient::close);
        }
    }

    /**
     * Sends every bid without waiting for answers; once every player has all its acks (so every bid is
     * committed), sends a sync message, whose ack comes after every broadcast committed before it. Returns
     * the broadcasts the page received.
     */
    private static Callable<List<JsonValue>> bidAll(LiveClient client, List<Integer> amounts, CyclicBarrier done) {
        return () -> {
            for (int amount : amounts) {
                client.send(Map.of("bid", amount));
            }
            List<JsonObject> frames = new ArrayList<>(client.untilAnswer(amounts.size()));
            done.await(LiveClient.WAIT.toSeconds(), TimeUnit.SECONDS);
            long sync = client.send(Map.of());
            frames.addAll(client.untilAnswer(sync));
            frames.forEach(f -> assertTrue(List.of("live", "ack").contains(f.getString("type")), "unexpected " + f));
            return LiveClient.liveData(frames).stream()
                    .filter(data -> !((JsonObject) data).containsKey("history"))
                    .toList();
        };
    }

    @Test
    void aLowerBidSendsNothingAndAHigherOneReachesTheWholeGroup() throws Exception {
        LudusApi api = newApi();
        var session = api.createSession("auction", 3);
        List<LiveClient> clients = new ArrayList<>();
        for (String code : session.participants()) {
            clients.add(LiveClient.connect(api.base(), code, api.start(code)));
        }
        try {
            clients.get(0).send(Map.of("bid", 100));
            for (LiveClient client : clients) {
                assertEquals(100, client.next().getJsonObject("data").getInt("bid"));
            }
            assertEquals("ack", clients.get(0).next().getString("type"));

            long low = clients.get(1).send(Map.of("bid", 50));
            JsonObject answer = clients.get(1).next();
            assertEquals("ack", answer.getString("type"), "the lower bid is committed but sends nothing: " + answer);
            assertEquals(low, answer.getInt("id"));

            clients.get(2).send(Map.of("bid", 150));
            // the next frame every page sees is the 150: nothing came of the 50
            for (LiveClient client : clients) {
                JsonObject frame = client.next();
                assertEquals("live", frame.getString("type"), "unexpected " + frame);
                assertEquals(150, frame.getJsonObject("data").getInt("bid"));
                assertEquals(3, frame.getJsonObject("data").getInt("id_in_group"));
            }
        } finally {
            clients.forEach(LiveClient::close);
        }
    }

    @Test
    void twoGroupsDoNotSeeEachOthersMessages() throws Exception {
        LudusApi api = newApi();
        var session = api.createSession("auction", 6);
        List<LiveClient> clients = new ArrayList<>();
        for (String code : session.participants()) {
            clients.add(LiveClient.connect(api.base(), code, api.start(code)));
        }
        try {
            clients.get(0).send(Map.of("bid", 10)); // group 1: participants 1-3
            clients.get(3).send(Map.of("bid", 20)); // group 2: participants 4-6
            for (int i = 0; i < 6; i++) {
                LiveClient client = clients.get(i);
                int expected = i < 3 ? 10 : 20;
                JsonObject frame = client.next();
                assertEquals(expected, frame.getJsonObject("data").getInt("bid"), "participant " + (i + 1));
            }
            // and nothing else arrives for the pages that did not send (the senders get their ack)
            for (int i : new int[] {1, 2, 4, 5}) {
                clients.get(i).assertNothingBeforeState();
            }
        } finally {
            clients.forEach(LiveClient::close);
        }
    }

    @Test
    void aPageLoadGetsTheHistorySoAReloadShowsTheCurrentState() throws Exception {
        LudusApi api = newApi();
        var session = api.createSession("auction", 3);
        String code = session.participants().get(1);
        int page = api.start(code);
        try (LiveClient first = LiveClient.connect(api.base(), code, page)) {
            first.untilAnswer(first.send(Map.of("bid", 7)));
            first.untilAnswer(first.send(Map.of("bid", 12.5)));
        }
        try (LiveClient reloaded = LiveClient.connect(api.base(), code, page)) {
            JsonObject history = reloaded.untilAnswer(reloaded.send(Map.of())).get(0).getJsonObject("data");
            assertEquals(0, new BigDecimal("12.5").compareTo(history.getJsonNumber("highest_bid").bigDecimalValue()));
            assertEquals(2, history.getJsonArray("history").size());
            assertEquals(2, history.getJsonArray("history").getJsonObject(1).getInt("id_in_group"));
        }
        String html = api.get("/p/" + code + "/" + page).body();
        assertTrue(html.contains("<strong id=\"highest-bid\">12.50</strong>"), html);
    }

    /**
     * The live path finds a group's players by group and a participant's player by participant and round, and
     * wait pages count a round's players and arrivals, in tables authors declare: without an index each such
     * read scans the whole table, every past session included. Checked by the indexes' names, because H2 indexes
     * foreign key columns by itself (under other names), so a check by column would pass there without them.
     */
    @Test
    void appPlayerAndGroupTablesAreIndexedOnWhatTheLivePathLooksUp() throws Exception {
        try (var db = Database.connect()) {
            var metadata = db.getMetaData();
            for (String app : List.of("auction", "tictactoe", "bargaining", "flow", "matching")) {
                assertTrue(indexNames(metadata, app + "_player").containsAll(List.of(app + "_player_group_id_idx",
                        app + "_player_participant_id_round_number_idx", app + "_player_subsession_id_idx")), app);
                assertTrue(indexNames(metadata, app + "_group").contains(app + "_group_subsession_id_idx"), app);
            }
            assertTrue(indexNames(metadata, "auction_bid").contains("auction_bid_group_idx"));
            assertTrue(indexNames(metadata, "wait_arrival").containsAll(List.of("wait_arrival_group_idx",
                    "wait_arrival_subsession_idx")), indexNames(metadata, "wait_arrival").toString());
        }
    }

    /** The names of the table's indexes, in lower case. */
    private static java.util.Set<String> indexNames(java.sql.DatabaseMetaData metadata, String table)
            throws java.sql.SQLException {
        String stored = metadata.storesUpperCaseIdentifiers() ? table.toUpperCase() : table;
        var found = new java.util.TreeSet<String>();
        try (var rows = metadata.getIndexInfo(null, null, stored, false, false)) {
            while (rows.next()) {
                String name = rows.getString("INDEX_NAME");
                if (name != null) {
                    found.add(name.toLowerCase());
                }
            }
        }
        return found;
    }
}
