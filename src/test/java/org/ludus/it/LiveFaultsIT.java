package org.ludus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ludus.testkit.Database;
import org.ludus.testkit.LiveClient;
import org.ludus.testkit.LudusApi;
import org.ludus.testkit.LudusIT;

/**
 * Bad input and failing live methods, with the probe test app: each gets an error to the sender only,
 * changes nothing in the database, and leaves the socket working.
 */
class LiveFaultsIT extends LudusIT {

    private LudusApi api;
    private LudusApi.CreatedSession session;
    private final List<LiveClient> clients = new ArrayList<>();
    private int page;

    @BeforeEach
    void threePlayersOnTheProbePage() throws Exception {
        api = newApi();
        session = api.createSession("probe", 3);
        for (String code : session.participants()) {
            page = api.start(code);
            clients.add(LiveClient.connect(api.base(), code, page));
        }
    }

    @AfterEach
    void close() {
        clients.forEach(LiveClient::close);
    }

    private Object counterInDatabase() {
        return Database.single("select g.counter from probe_group g join probe_player p on p.group_id = g.id"
                + " join participant pa on pa.id = p.participant_id where pa.code = ?", session.participants().get(0));
    }

    private Object notesInDatabase() {
        return Database.single("select count(*) from probe_note n join probe_player p on p.group_id = n.group_id"
                + " join participant pa on pa.id = p.participant_id where pa.code = ?", session.participants().get(0));
    }

    private void assertNothingArrives(LiveClient... others) throws InterruptedException {
        for (LiveClient other : others) {
            other.assertNothingBeforeState(); // a bystander got no frame
        }
    }

    @Test
    void aThrowingLiveMethodChangesNothingTellsOnlyTheSenderAndTheSocketGoesOn() throws Exception {
        LiveClient sender = clients.get(0);
        sender.untilAnswer(sender.send(Map.of("action", "count"))); // counter 1, one note
        clients.get(1).next();
        clients.get(2).next();

        long failing = sender.send(Map.of("action", "fail"));
        JsonObject error = sender.next();
        assertEquals("error", error.getString("type"));
        assertEquals(failing, error.getInt("id"));
        assertEquals("live_method_failed", error.getString("code"));
        assertEquals(1, ((Number) counterInDatabase()).intValue(), "the failed increment was rolled back");
        assertEquals(1L, ((Number) notesInDatabase()).longValue(), "the failed insert was rolled back");
        assertNothingArrives(clients.get(1), clients.get(2));

        long next = sender.send(Map.of("action", "count"));
        List<JsonObject> frames = sender.untilAnswer(next);
        assertEquals(2, frames.get(0).getJsonObject("data").getInt("counter"), "the same socket goes on");
        assertEquals("ack", frames.get(1).getString("type"));
        assertEquals(2, clients.get(1).next().getJsonObject("data").getInt("counter"));
    }

    @Test
    void returnValuesAreRoutedByIdInGroupWithZeroForTheRest() throws Exception {
        LiveClient sender = clients.get(0);
        sender.send(Map.of("action", "send", "to", Map.of("2", "for two", "3", "for three")));
        assertEquals("ack", sender.next().getString("type"), "player 1 gets nothing but its ack");
        assertEquals("for two", clients.get(1).next().getString("data"));
        assertEquals("for three", clients.get(2).next().getString("data"));

        sender.send(Map.of("action", "send", "to", Map.of("0", "everyone", "2", "only two")));
        assertEquals("everyone", sender.next().getString("data"));
        assertEquals("only two", clients.get(1).next().getString("data"));
        assertEquals("everyone", clients.get(2).next().getString("data"));
    }

    @Test
    void aMessageForAnIdNotInTheGroupIsRefusedAndRolledBack() throws Exception {
        LiveClient sender = clients.get(0);
        long id = sender.send(Map.of("action", "send", "to", Map.of("7", "nobody")));
        JsonObject error = sender.next();
        assertEquals("live_method_failed", error.getString("code"), error.toString());
        assertEquals(id, error.getInt("id"));
        assertNothingArrives(clients.get(1), clients.get(2));
    }

    @Test
    void aPlayerNotOnTheLivePageGetsAnErrorAndChangesNothing() throws Exception {
        String code = session.participants().get(2);
        assertEquals(page + 1, api.next(code, page), "player 3 moved on to the next page");
        LiveClient stale = clients.get(2); // its socket still belongs to the live page it left
        long id = stale.send(Map.of("action", "count"));
        JsonObject error = stale.next();
        assertEquals("not_on_page", error.getString("code"));
        assertEquals(id, error.getInt("id"));
        assertEquals(0, ((Number) counterInDatabase()).intValue());
        assertNothingArrives(clients.get(0), clients.get(1));

        // the live page's broadcasts no longer reach player 3, who is not on it
        clients.get(0).send(Map.of("action", "count"));
        assertEquals(1, clients.get(1).next().getJsonObject("data").getInt("counter"));
        assertNothingArrives(stale);
    }

    @Test
    void aSocketThatSentBeforeItsParticipantMovedOnIsRefusedAfterwards() throws Exception {
        String code = session.participants().get(2);
        LiveClient stale = clients.get(2);
        stale.untilAnswer(stale.send(Map.of("action", "count"))); // the socket's later messages skip the lookup
        clients.get(0).next();
        clients.get(1).next();
        assertEquals(page + 1, api.next(code, page));
        long id = stale.send(Map.of("action", "count"));
        JsonObject error = stale.next();
        assertEquals("error", error.getString("type"), "refused, not applied: " + error);
        assertEquals("not_on_page", error.getString("code"), error.toString());
        assertEquals(id, error.getInt("id"));
        assertEquals(1, ((Number) counterInDatabase()).intValue(), "only the message from before the move");
        assertNothingArrives(clients.get(0), clients.get(1));
    }

    @Test
    void aSocketForAPageWithoutLiveMethodIsRefused() {
        String code = session.participants().get(0);
        int quiet = api.next(code, page);
        try (LiveClient client = LiveClient.connect(api.base(), code, quiet)) {
            JsonObject error = client.untilAnswer(client.send(Map.of("action", "count"))).get(0);
            assertEquals("no_live_method", error.getString("code"));
        }
    }

    @Test
    void malformedFramesAndDataThatDoesNotBindGetAnErrorAndTheSocketStaysOpen() throws Exception {
        LiveClient sender = clients.get(0);
        sender.sendRaw("this is not JSON");
        assertEquals("malformed", sender.next().getString("code"));
        sender.sendRaw("[1, 2, 3]");
        assertEquals("malformed", sender.next().getString("code"));
        sender.sendRaw("{\"type\":\"live\",\"data\":{}}");
        assertEquals("malformed", sender.next().getString("code"), "a live frame needs an id");
        long id = sender.send("a string where an object is expected");
        JsonObject error = sender.next();
        assertEquals("bad_data", error.getString("code"));
        assertEquals(id, error.getInt("id"));
        sender.sendRaw("{\"type\":\"live\",\"id\":99,\"data\":\"" + "x".repeat(200_000) + "\"}");
        assertEquals("too_large", sender.next().getString("code"));
        sender.sendRaw("{\"type\":\"ping\"}");
        assertEquals("pong", sender.next().getString("type"));
        assertEquals(0, ((Number) counterInDatabase()).intValue());
        assertNothingArrives(clients.get(1), clients.get(2));

        List<JsonObject> frames = sender.untilAnswer(sender.send(Map.of("action", "count")));
        assertEquals(1, frames.get(0).getJsonObject("data").getInt("counter"), "the socket still works");
    }

    @Test
    void aResentMessageIsAcknowledgedButNotAppliedTwice() throws Exception {
        String code = session.participants().get(0);
        String path = "/live/" + code + "/" + page + "?client=resender1";
        String frame = "{\"type\":\"live\",\"id\":1,\"data\":{\"action\":\"count\"}}";
        try (LiveClient first = LiveClient.connect(api.base(), path)) {
            first.sendRaw(frame);
            first.untilAnswer(1);
        }
        try (LiveClient again = LiveClient.connect(api.base(), path)) { // a reconnect re-sends unacked ones
            again.sendRaw(frame);
            JsonObject answer = again.next();
            assertEquals("ack", answer.getString("type"), "acknowledged again, with no broadcast: " + answer);
        }
        assertEquals(1, ((Number) counterInDatabase()).intValue(), "applied once");
    }

    private static String countFrame(long id) {
        return "{\"type\":\"live\",\"id\":" + id + ",\"data\":{\"action\":\"count\"}}";
    }

    private Object loggedMessages(String code) {
        return Database.single("select count(*) from live_log where participant_code = ?", code);
    }

    /** The acks of ids 1..n, in order, and nothing else: a duplicate produces no broadcast, not even to its sender. */
    private static void assertOnlyAcks(LiveClient client, int n) {
        for (long id = 1; id <= n; id++) {
            JsonObject frame = client.next();
            assertEquals("ack", frame.getString("type"), "re-send " + id + " is only acknowledged: " + frame);
            assertEquals(id, frame.getInt("id"));
        }
    }

    @Test
    void aResendFromAnyTabOfAParticipantIsAppliedOnce() throws Exception {
        String code = session.participants().get(0);
        String tabA = "/live/" + code + "/" + page + "?client=tab-a";
        String tabB = "/live/" + code + "/" + page + "?client=tab-b";
        try (LiveClient a = LiveClient.connect(api.base(), tabA); LiveClient b = LiveClient.connect(api.base(), tabB)) {
            for (long id = 1; id <= 2; id++) { // the tabs take turns: each has its own ids 1 and 2
                a.sendRaw(countFrame(id));
                a.untilAnswer(id);
                b.sendRaw(countFrame(id));
                b.untilAnswer(id);
            }
        }
        assertEquals(4, ((Number) counterInDatabase()).intValue());
        try (LiveClient a = LiveClient.connect(api.base(), tabA); LiveClient b = LiveClient.connect(api.base(), tabB)) {
            for (long id = 1; id <= 2; id++) { // both reconnect and re-send everything, interleaved
                a.sendRaw(countFrame(id));
                b.sendRaw(countFrame(id));
            }
            assertOnlyAcks(a, 2);
            assertOnlyAcks(b, 2);
        }
        assertEquals(4, ((Number) counterInDatabase()).intValue(), "nothing applied again");
        assertEquals(4L, ((Number) loggedMessages(code)).longValue(), "each message logged once");
    }

    @Test
    void resentMessagesThatAreNotANewSocketsFirstAreNotAppliedAgain() throws Exception {
        String code = session.participants().get(0);
        String path = "/live/" + code + "/" + page + "?client=resender2";
        try (LiveClient first = LiveClient.connect(api.base(), path)) {
            for (long id = 1; id <= 3; id++) {
                first.sendRaw(countFrame(id));
                first.untilAnswer(id);
            }
        }
        try (LiveClient again = LiveClient.connect(api.base(), path)) {
            for (long id = 1; id <= 3; id++) { // the reconnect re-sends all three, in id order, then a new one
                again.sendRaw(countFrame(id));
            }
            again.sendRaw(countFrame(4));
            assertOnlyAcks(again, 3);
            List<JsonObject> fourth = again.untilAnswer(4);
            assertEquals(4, fourth.get(0).getJsonObject("data").getInt("counter"), "the new message is applied");
            assertEquals("ack", fourth.get(1).getString("type"));
        }
        assertEquals(4, ((Number) counterInDatabase()).intValue(), "the three re-sends were not applied again");
        assertEquals(4L, ((Number) loggedMessages(code)).longValue());
    }

    @Test
    void theSameMessageFromTwoSocketsAtOnceIsAppliedOnce() throws Exception {
        String code = session.participants().get(0);
        String path = "/live/" + code + "/" + page + "?client=twice";
        try (LiveClient one = LiveClient.connect(api.base(), path); LiveClient two = LiveClient.connect(api.base(), path)) {
            one.sendRaw(countFrame(1));
            two.sendRaw(countFrame(1));
            for (LiveClient socket : List.of(one, two)) {
                List<JsonObject> frames = socket.untilAnswer(1);
                assertEquals("ack", frames.get(frames.size() - 1).getString("type"), "both are acknowledged");
            }
        }
        assertEquals(1, ((Number) counterInDatabase()).intValue(), "applied once");
        assertEquals(1L, ((Number) loggedMessages(code)).longValue());
    }

    @Test
    void unknownOrForgedParticipantCodesAreClosedWith4404() {
        for (String code : List.of("aaaaaaaaaaaaaaaa", "../../etc/passwd", session.participants().get(0) + "x")) {
            try (LiveClient client = LiveClient.connect(api.base(), "/live/" + code.replace("/", "%2F") + "/0?client=c1")) {
                assertEquals(4404, client.awaitClose().code(), code);
            }
        }
        try (LiveClient client = LiveClient.connect(api.base(), "/live/" + session.participants().get(0) + "/zero?client=c1")) {
            assertEquals(4400, client.awaitClose().code());
        }
    }
}
