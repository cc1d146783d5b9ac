package org.ludus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.ludus.testkit.Database;
import org.ludus.testkit.LiveClient;
import org.ludus.testkit.LudusApi;
import org.ludus.testkit.LudusIT;

/**
 * The live path under abuse and faults: floods are bounded and refused with their ids, a live method that
 * never returns is given up without holding up anyone else, pages loading at once do not tie up the web
 * server, silent sockets are closed, and pages get their state without sending a message for it.
 */
class LiveBoundsIT extends LudusIT {

    private static String countFrame(long id, String padding) {
        return "{\"type\":\"live\",\"id\":" + id + ",\"data\":{\"action\":\"count\",\"pad\":\"" + padding + "\"}}";
    }

    private static long counterOf(String participantCode) {
        return ((Number) Database.single("select g.counter from probe_group g join probe_player p on p.group_id = g.id"
                + " join participant pa on pa.id = p.participant_id where pa.code = ?", participantCode)).longValue();
    }

    private static boolean isAnswer(JsonObject frame) {
        return "ack".equals(frame.getString("type")) || "error".equals(frame.getString("type"));
    }

    @Test
    void framesOverTheRateAreRefusedWithTheirIdSoTheClientCanTell() throws Exception {
        LudusApi api = newApi();
        var session = api.createSession("probe", 3);
        String code = session.participants().get(0);
        int frames = 5000; // far more than the burst (1,000) and what refills while they arrive (500 a second)
        try (LiveClient client = LiveClient.connect(api.base(), code, api.start(code))) {
            var sent = new ArrayList<CompletableFuture<?>>();
            for (int id = 1; id <= frames; id++) { // each is refused at once: malformed (no data) or over the rate
                sent.add(client.sendRawAsync("{\"type\":\"live\",\"id\":" + id + "}"));
            }
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
            var limited = new ArrayList<Long>();
            for (long id = 1; id <= frames; id++) {
                JsonObject answer = client.next();
                assertEquals("error", answer.getString("type"), answer.toString());
                assertTrue(answer.get("id") instanceof jakarta.json.JsonNumber number && number.longValue() == id,
                        "every refusal names its message: " + answer);
                if ("rate_limited".equals(answer.getString("code"))) {
                    limited.add(id);
                }
            }
            assertTrue(!limited.isEmpty() && limited.size() < frames, limited.size() + " of " + frames + " limited");
            assertEquals(0, counterOf(code));
        }
    }

    @Test
    void oneParticipantFloodingFromManySocketsIsBoundedAndOtherGroupsGoOn() throws Exception {
        LudusApi api = newApi();
        var session = api.createSession("probe", 6);
        String flooder = session.participants().get(0);
        int page = api.start(flooder);
        String other = session.participants().get(3); // the second group
        long heapBefore = ServerProcess.heapUsedAfterGc();
        var sockets = new ArrayList<LiveClient>();
        try (LiveClient bystander = LiveClient.connect(api.base(), other, api.start(other))) {
            for (int i = 0; i < 20; i++) {
                sockets.add(LiveClient.connect(api.base(), flooder, page));
            }
            List<LiveClient> refused = sockets.subList(16, 20); // opened one after the other: the last four
            refused.forEach(s -> assertEquals(1013, s.awaitClose().code(), "16 sockets per participant"));
            List<LiveClient> open = sockets.subList(0, 16);
            assertTrue(open.stream().allMatch(LiveClient::isOpen));
            String padding = "x".repeat(60_000);
            int perSocket = 100;
            var sending = new ArrayList<CompletableFuture<?>>();
            for (long id = 1; id <= perSocket; id++) {
                for (LiveClient socket : open) {
                    sending.add(socket.sendRawAsync(countFrame(id, padding)));
                }
            }
            // meanwhile the other group plays on, one message after another
            for (int i = 0; i < 20; i++) {
                List<JsonObject> frames = bystander.untilAnswer(bystander.send(Map.of("action", "count")));
                assertEquals("ack", frames.get(frames.size() - 1).getString("type"), frames.toString());
            }
            CompletableFuture.allOf(sending.toArray(CompletableFuture[]::new)).join();
            long acked = 0;
            var codes = new java.util.TreeMap<String, Integer>();
            for (LiveClient socket : open) { // every flood frame gets exactly one answer
                int answers = 0;
                while (answers < perSocket) {
                    JsonObject frame = socket.next();
                    if (isAnswer(frame)) {
                        answers++;
                        if ("ack".equals(frame.getString("type"))) {
                            acked++;
                        } else {
                            codes.merge(frame.getString("code"), 1, Integer::sum);
                        }
                    }
                }
            }
            assertTrue(codes.keySet().stream().allMatch(c -> c.equals("rate_limited") || c.equals("busy")), codes.toString());
            assertTrue(acked < 16L * perSocket / 2, "most of the flood was refused: " + acked + " applied, " + codes);
            assertEquals(acked, counterOf(flooder), "what was acknowledged was applied, once");
            long heapAfter = ServerProcess.heapUsedAfterGc();
            assertTrue(heapAfter - heapBefore < 64L << 20, "the server's heap stays flat: " + (heapBefore >> 20)
                    + " MiB before, " + (heapAfter >> 20) + " MiB after");
        } finally {
            sockets.forEach(LiveClient::close);
        }
    }

    @Test
    void aLiveMethodThatNeverReturnsIsGivenUpAndNobodyElseWaitsForIt() throws Exception {
        LudusApi api = newApi();
        var session = api.createSession("probe", 6);
        var clients = new ArrayList<LiveClient>();
        try {
            for (String code : session.participants()) {
                clients.add(LiveClient.connect(api.base(), code, api.start(code)));
            }
            LiveClient looping = clients.get(0);
            long stuck = looping.send(Map.of("action", "loop"));
            LiveClient otherGroup = clients.get(3);
            for (int i = 0; i < 10; i++) { // the other group is not held up: all of this before the give-up
                otherGroup.untilAnswer(otherGroup.send(Map.of("action", "count")));
            }
            assertEquals(null, looping.poll(Duration.ZERO), "the loop still runs");
            JsonObject error = looping.until(frame -> LiveClient.isAnswerTo(frame, stuck)).get(0);
            assertEquals("timeout", error.getString("code"), error.toString());
            LiveClient sameGroup = clients.get(1); // its group goes on, without what the loop wrote
            List<JsonObject> frames = sameGroup.untilAnswer(sameGroup.send(Map.of("action", "count")));
            assertEquals(1, frames.get(0).getJsonObject("data").getInt("counter"), frames.toString());
            assertEquals(1, counterOf(session.participants().get(0)));
            assertEquals(10, counterOf(session.participants().get(3)));
            List<JsonObject> again = looping.untilAnswer(looping.send(Map.of("action", "count")));
            assertEquals("ack", again.get(again.size() - 1).getString("type"), "the socket goes on too");
        } finally {
            clients.forEach(LiveClient::close);
        }
    }

    @Test
    void aCrowdLoadingOnePageAtOnceDoesNotHoldUpTheWebServer() throws Exception {
        LudusApi api = newApi();
        var session = api.createSession("probe_crowd", 300); // one group of 300
        var clients = new ArrayList<LiveClient>();
        try {
            for (String code : session.participants()) {
                clients.add(LiveClient.connect(api.base(), code, api.start(code)));
            }
            // each first message holds the group's row lock 30 ms: 9 s of work, one message at a time
            for (LiveClient client : clients) {
                client.sendRawAsync("{\"type\":\"live\",\"id\":1,\"data\":{\"action\":\"slow\",\"millis\":30}}");
            }
            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                HttpResponse<String> response = api.get("/ludus.js");
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertEquals(200, response.statusCode());
                assertTrue(millis < 2000, "the web server answers while the group works: " + millis + " ms");
            }
            for (LiveClient client : clients) {
                List<JsonObject> frames = client.until(frame -> LiveClient.isAnswerTo(frame, 1));
                assertEquals("ack", frames.get(frames.size() - 1).getString("type"));
            }
            assertEquals(300, counterOf(session.participants().get(0)));
        } finally {
            clients.forEach(LiveClient::close);
        }
    }

    @Test
    void aSocketThatSendsNothingIsClosedAfterTheIdleTimeout() {
        LudusApi api = newApi();
        var session = api.createSession("probe", 3);
        String code = session.participants().get(0);
        try (LiveClient silent = LiveClient.connect(api.base(), code, api.start(code))) {
            silent.awaitClose(Duration.ofSeconds(90)); // the test server's idle timeout is 40 s
            assertFalse(silent.isOpen());
        }
    }

    @Test
    void aStateRequestGetsThePagesStateForThisSocketOnlyWithTheGroupsSeq() throws Exception {
        LudusApi api = newApi();
        var session = api.createSession("auction", 3);
        var clients = new ArrayList<LiveClient>();
        try {
            for (String code : session.participants()) {
                clients.add(LiveClient.connect(api.base(), code, api.start(code)));
            }
            clients.get(0).untilAnswer(clients.get(0).send(Map.of("bid", 5)));
            clients.get(1).next(); // the broadcast of bid 5
            JsonObject state = clients.get(1).assertNothingBeforeState();
            assertEquals("state", state.getString("type"));
            assertEquals(1, state.getInt("seq"), "the state includes the group's message 1");
            assertEquals(5, state.getJsonObject("data").getJsonNumber("highest_bid").intValue());
            assertEquals(1, state.getJsonObject("data").getJsonArray("history").size());
            clients.get(2).next();
            clients.get(2).assertNothingBeforeState(); // nobody else got player 2's state
            assertEquals(0L, ((Number) Database.single("select count(*) from live_log where participant_code = ?",
                    session.participants().get(1))).longValue(), "asking for the state is no message");
        } finally {
            clients.forEach(LiveClient::close);
        }
    }
}
