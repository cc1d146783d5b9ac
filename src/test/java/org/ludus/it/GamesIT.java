package org.ludus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The example games, played through real sockets by every player of a group. */
class GamesIT extends LudusIT {

    private LudusApi api;
    private final List<LiveClient> sockets = new ArrayList<>();

    @BeforeEach
    void api() throws Exception {
        api = newApi();
    }

    @AfterEach
    void close() {
        sockets.forEach(LiveClient::close);
    }

    /** Starts every participant and opens a socket on their first page. */
    private List<LiveClient> play(List<String> codes) {
        var clients = new ArrayList<LiveClient>();
        for (String code : codes) {
            clients.add(connect(code, api.start(code)));
        }
        return clients;
    }

    private LiveClient connect(String code, int page) {
        LiveClient client = LiveClient.connect(api.base(), code, page);
        sockets.add(client);
        return client;
    }

    /** The live data the message produced for the sender, up to its ack. */
    private static JsonObject reply(LiveClient client, Object data) {
        List<JsonObject> frames = client.untilAnswer(client.send(data));
        assertEquals("ack", frames.get(frames.size() - 1).getString("type"), frames.toString());
        return frames.size() > 1 ? frames.get(0).getJsonObject("data") : null;
    }

    private static JsonObject nextLive(LiveClient client) {
        JsonObject frame = client.next();
        assertEquals("live", frame.getString("type"), frame.toString());
        return frame.getJsonObject("data");
    }

    private static void assertQuiet(LiveClient client) throws InterruptedException {
        client.assertNothingBeforeState(); // nothing should reach this page
    }

    private HttpResponse<String> next(String code, int page) {
        return api.post("/p/" + code + "/" + page, "");
    }

    @Test
    void ticTacToeRefusesIllegalMovesToTheMoverOnlyAndEndsWithAWin() throws Exception {
        List<String> codes = api.createSession("tictactoe", 2).participants();
        List<LiveClient> players = play(codes);
        LiveClient x = players.get(0);
        LiveClient o = players.get(1);

        JsonObject state = reply(x, Map.of()); // oTree's "send me the state": answered by the page's liveState
        assertFalse(state.containsKey("error"), "{} never reaches the live method: " + state);
        assertEquals("         ", state.getString("board"));
        assertEquals(1, state.getInt("whose_turn"));

        JsonObject refused = reply(o, Map.of("square", 4));
        assertEquals("It is not your turn.", refused.getString("error"));
        assertEquals("         ", refused.getString("board"), "a refusal carries the whole state");
        assertQuiet(x);

        JsonObject moved = reply(x, Map.of("square", 4));
        assertEquals("    X    ", moved.getString("board"));
        assertEquals(4, moved.getInt("square"));
        assertEquals(1, moved.getInt("id_in_group"));
        assertEquals(2, moved.getInt("whose_turn"));
        assertEquals(moved, nextLive(o), "both players get the same news");

        assertEquals("That square is taken.", reply(o, Map.of("square", 4)).getString("error"));
        assertEquals("Choose a square from 0 to 8.", reply(o, Map.of("square", 9)).getString("error"));
        assertQuiet(x);

        HttpResponse<String> early = next(codes.get(0), 0);
        assertEquals(200, early.statusCode());
        assertTrue(early.body().contains("The game is not over yet."), "early Next is refused");

        // X: 4, 0, 8 wins on the diagonal; O: 1, 2
        for (int[] move : new int[][] {{2, 1}, {1, 0}, {2, 2}}) {
            LiveClient mover = move[0] == 1 ? x : o;
            LiveClient other = move[0] == 1 ? o : x;
            reply(mover, Map.of("square", move[1]));
            nextLive(other);
        }
        JsonObject win = reply(x, Map.of("square", 8));
        assertTrue(win.getBoolean("game_over"));
        assertEquals(1, win.getInt("winner"));
        assertEquals("XOO X   X", win.getString("board"));
        assertEquals(win, nextLive(o));
        assertEquals("The game is over.", reply(o, Map.of("square", 5)).getString("error"));

        assertEquals(303, next(codes.get(0), 0).statusCode());
        assertEquals(303, next(codes.get(1), 0).statusCode());
        assertTrue(api.get("/p/" + codes.get(0) + "/1").body().contains("You won."));
        assertTrue(api.get("/p/" + codes.get(1) + "/1").body().contains("You lost."));
    }

    @Test
    void ticTacToeMovesAtTheSameInstantAreAppliedOneAtATime() throws Exception {
        for (int attempt = 0; attempt < 10; attempt++) {
            List<String> codes = api.createSession("tictactoe", 2).participants();
            List<LiveClient> players = play(codes);
            // player 1 in two tabs, both clicking at the same instant: only one of the moves may land
            LiveClient secondTab = connect(codes.get(0), 0);
            var start = new CountDownLatch(1);
            var first = CompletableFuture.supplyAsync(() -> sendAt(start, players.get(0), 0));
            var second = CompletableFuture.supplyAsync(() -> sendAt(start, secondTab, 8));
            start.countDown();
            List<JsonObject> answers = List.of(first.join(), second.join());
            long accepted = answers.stream().filter(a -> !a.containsKey("error")).count();
            assertEquals(1, accepted, "exactly one move wins: " + answers);
            String board = answers.stream().filter(a -> !a.containsKey("error")).findFirst().orElseThrow()
                    .getString("board");
            assertEquals(1, board.chars().filter(c -> c == 'X').count(), board);
            assertEquals(board, Database.single("select g.board from tictactoe_group g join tictactoe_player p"
                    + " on p.group_id = g.id join participant pa on pa.id = p.participant_id where pa.code = ?",
                    codes.get(0)));
            sockets.forEach(LiveClient::close);
            sockets.clear();
        }
    }

    /** Waits for the start signal, sends the move, returns the first live data that answers it. */
    private static JsonObject sendAt(CountDownLatch start, LiveClient client, int square) {
        try {
            start.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        List<JsonObject> frames = client.untilAnswer(client.send(Map.of("square", square)));
        // the accepted move's broadcast reaches both tabs; take the answer that carries this square or an error
        return LiveClient.liveData(frames).stream().map(JsonObject.class::cast)
                .filter(d -> d.containsKey("error") || d.getInt("square", -1) == square)
                .findFirst().orElseThrow(() -> new AssertionError("no answer in " + frames));
    }

    @Test
    void tenMessagesKeepsPlayersOnThePageUntilTheTenthThenFinishesEveryPage() throws Exception {
        List<String> codes = api.createSession("ten_messages", 2).participants();
        List<LiveClient> players = play(codes);
        for (int i = 1; i <= 9; i++) {
            LiveClient sender = players.get(i % 2);
            JsonObject news = reply(sender, Map.of("text", "message " + i));
            assertEquals("message", news.getString("type"));
            assertEquals(i, news.getInt("num_messages"));
            assertEquals(news, nextLive(players.get((i + 1) % 2)));
        }
        HttpResponse<String> forged = next(codes.get(0), 0);
        assertEquals(200, forged.statusCode(), "a forged early submit is refused");
        assertTrue(forged.body().contains("The group needs 10 messages"));

        assertEquals("game_finished", reply(players.get(0), Map.of("text", "ten")).getString("type"));
        assertEquals("game_finished", nextLive(players.get(1)).getString("type"));
        assertEquals(303, next(codes.get(0), 0).statusCode());
        assertTrue(api.get("/p/" + codes.get(0) + "/1").body().contains("Your group sent 10 messages."));
    }

    @Test
    void customWaitLetsPlayersGoOnWhenAllHaveArrived() throws Exception {
        List<String> codes = api.createSession("custom_wait", 3).participants();
        List<LiveClient> players = play(codes);
        JsonObject nobodyYet = reply(players.get(0), Map.of()); // a state request, not an arrival
        assertEquals(0, nobodyYet.getInt("arrived"), nobodyYet.toString());
        JsonObject waiting = reply(players.get(0), Map.of("type", "arrived"));
        assertEquals(1, waiting.getInt("arrived"));
        assertEquals(3, waiting.getInt("expected"));
        nextLive(players.get(1));
        nextLive(players.get(2));
        assertEquals(2, reply(players.get(1), Map.of("type", "arrived")).getInt("arrived"));
        assertEquals(200, next(codes.get(0), 0).statusCode(), "not everyone is here yet");
        nextLive(players.get(0));
        nextLive(players.get(2));
        assertEquals("all_arrived", reply(players.get(2), Map.of("type", "arrived")).getString("type"));
        assertEquals("all_arrived", nextLive(players.get(0)).getString("type"));
        assertEquals(303, next(codes.get(0), 0).statusCode());
        assertTrue(api.get("/p/" + codes.get(0) + "/1").body().contains("Everyone is here."));
    }

    @Test
    void customWaitLetsPlayersGoOnAfterTheTimeoutEvenWithoutABrowser() {
        List<String> codes = api.createSession("custom_wait", 3, "{\"wait_timeout_seconds\":2}").participants();
        List<LiveClient> players = play(codes);
        reply(players.get(0), Map.of("type", "arrived")); // the others never arrive
        List<JsonObject> frames = players.get(0).until(frame -> "moved".equals(frame.getString("type")));
        JsonObject moved = frames.get(frames.size() - 1);
        assertTrue(moved.getString("url").endsWith("/1"), moved.toString());
        assertTrue(api.get("/p/" + codes.get(0) + "/1").body().contains("Not everyone arrived in time"));
    }

    @Test
    void bargainingSettlesOnAnAcceptedStandingProposalAndPaysAccordingly() throws Exception {
        var session = api.createSession("bargaining", 2);
        List<String> codes = session.participants();
        List<LiveClient> players = play(codes);
        LiveClient one = players.get(0);
        LiveClient two = players.get(1);

        JsonObject proposal = reply(one, Map.of("type", "propose", "amount", 60));
        assertEquals(60, proposal.getInt("proposal_1"));
        assertEquals(proposal, nextLive(two));
        assertEquals(200, next(codes.get(1), 0).statusCode(), "early Next is refused");

        reply(one, Map.of("type", "propose", "amount", 70)); // player 1 changes its mind
        nextLive(two);
        JsonObject stale = reply(two, Map.of("type", "accept", "amount", 60));
        assertEquals("error", stale.getString("type"), "accepting a proposal that has changed is refused");
        assertQuiet(one);

        JsonObject deal = reply(two, Map.of("type", "accept", "amount", 70));
        assertEquals("deal", deal.getString("type"));
        assertEquals(1, deal.getInt("proposer"));
        assertEquals(deal, nextLive(one));
        assertEquals("deal", reply(one, Map.of("type", "propose", "amount", 10)).getString("type"),
                "after the deal, nothing changes it");

        assertEquals(303, next(codes.get(0), 0).statusCode());
        assertEquals(303, next(codes.get(1), 0).statusCode());
        JsonObject stored = LudusApi.json(api.get("/api/sessions/" + session.code()).body());
        var payoffs = stored.getJsonArray("participants").getValuesAs(JsonObject.class).stream()
                .map(p -> p.getJsonNumber("payoff_in_real_world_currency").intValue()).toList();
        assertEquals(List.of(70, 30), payoffs);
        assertTrue(api.get("/p/" + codes.get(1) + "/1").body().contains("Your payoff: <strong id=\"payoff\">30.00</strong>"));
    }
}
