package org.ludus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ludus.testkit.Database;
import org.ludus.testkit.LiveClient;
import org.ludus.testkit.LudusApi;
import org.ludus.testkit.LudusIT;
import org.ludus.testkit.Participant;

/** The example games, played by a bot per participant (the test kit's Participant) through real sockets. */
class GamesIT extends LudusIT {

    private LudusApi api;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void api() {
        api = newApi();
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    /** A bot per participant of a new session of {@code config}, each on its first page with its socket open. */
    private List<Participant> play(String config, int participants, String modifications) {
        return started(Participant.of(api, api.createSession(config, participants, modifications)));
    }

    /** Each page open before anyone moves: a page that is not open misses the news, as a browser would. */
    private List<Participant> started(List<Participant> bots) {
        bots.forEach(bot -> {
            bot.start();
            bot.live();
            open.add(bot);
        });
        return bots;
    }

    private List<Participant> play(String config, int participants) {
        return play(config, participants, "{}");
    }

    private static JsonObject reply(Participant bot, Object data) {
        return bot.reply(data).asJsonObject();
    }

    private static JsonObject nextLive(Participant bot) {
        return bot.nextLive().asJsonObject();
    }

    @Test
    void ticTacToeRefusesIllegalMovesToTheMoverOnlyAndEndsWithAWin() {
        List<Participant> players = play("tictactoe", 2);
        Participant x = players.get(0);
        Participant o = players.get(1);

        JsonObject state = reply(x, Map.of()); // oTree's "send me the state": answered by the page's liveState
        assertFalse(state.containsKey("error"), "{} never reaches the live method: " + state);
        assertEquals("         ", state.getString("board"));
        assertEquals(1, state.getInt("whose_turn"));
        assertEquals(state, x.state(), "the same as the state a page gets when it opens");

        JsonObject refused = reply(o, Map.of("square", 4));
        assertEquals("It is not your turn.", refused.getString("error"));
        assertEquals("         ", refused.getString("board"), "a refusal carries the whole state");
        x.state(); // nothing reached the other page

        JsonObject moved = reply(x, Map.of("square", 4));
        assertEquals("    X    ", moved.getString("board"));
        assertEquals(4, moved.getInt("square"));
        assertEquals(1, moved.getInt("id_in_group"));
        assertEquals(2, moved.getInt("whose_turn"));
        assertEquals(moved, nextLive(o), "both players get the same news");

        assertEquals("That square is taken.", reply(o, Map.of("square", 4)).getString("error"));
        assertEquals("Choose a square from 0 to 8.", reply(o, Map.of("square", 9)).getString("error"));
        x.state();

        var early = x.submit();
        assertEquals(200, early.statusCode());
        assertTrue(early.body().contains("The game is not over yet."), "early Next is refused");

        // X: 4, 0, 8 wins on the diagonal; O: 1, 2
        for (int[] move : new int[][] {{2, 1}, {1, 0}, {2, 2}}) {
            Participant mover = move[0] == 1 ? x : o;
            Participant other = move[0] == 1 ? o : x;
            reply(mover, Map.of("square", move[1]));
            nextLive(other);
        }
        JsonObject win = reply(x, Map.of("square", 8));
        assertTrue(win.getBoolean("game_over"));
        assertEquals(1, win.getInt("winner"));
        assertEquals("XOO X   X", win.getString("board"));
        assertEquals(win, nextLive(o));
        assertEquals("The game is over.", reply(o, Map.of("square", 5)).getString("error"));

        assertEquals(1, x.next());
        assertEquals(1, o.next());
        assertTrue(x.html().contains("You won."));
        assertTrue(o.html().contains("You lost."));
    }

    @Test
    void ticTacToeMovesAtTheSameInstantAreAppliedOneAtATime() {
        for (int attempt = 0; attempt < 10; attempt++) {
            Participant one = play("tictactoe", 2).get(0);
            // player 1 in two tabs, both clicking at the same instant: only one of the moves may land
            LiveClient firstTab = one.live();
            LiveClient secondTab = LiveClient.connect(api.base(), one.code(), one.page());
            open.add(secondTab);
            var start = new CountDownLatch(1);
            var first = CompletableFuture.supplyAsync(() -> sendAt(start, firstTab, 0));
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
                    one.code()));
        }
    }

    /** Waits for the start signal, sends the move, returns the tab's own answer (a move's news or an error). */
    private static JsonObject sendAt(CountDownLatch start, LiveClient tab, int square) {
        try {
            start.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return tab.reply(Map.of("square", square)).asJsonObject();
    }

    @Test
    void tenMessagesKeepsPlayersOnThePageUntilTheTenthThenFinishesEveryPage() {
        List<Participant> players = play("ten_messages", 2);
        for (int i = 1; i <= 9; i++) {
            Participant sender = players.get(i % 2);
            JsonObject news = reply(sender, Map.of("text", "message " + i));
            assertEquals("message", news.getString("type"));
            assertEquals(i, news.getInt("num_messages"));
            assertEquals(news, nextLive(players.get((i + 1) % 2)));
        }
        var forged = players.get(0).submit();
        assertEquals(200, forged.statusCode(), "a forged early submit is refused");
        assertTrue(forged.body().contains("The group needs 10 messages"));

        assertEquals("game_finished", reply(players.get(0), Map.of("text", "ten")).getString("type"));
        assertEquals("game_finished", nextLive(players.get(1)).getString("type"));
        assertEquals(1, players.get(0).next());
        assertTrue(players.get(0).html().contains("Your group sent 10 messages."));
    }

    @Test
    void customWaitLetsPlayersGoOnWhenAllHaveArrived() {
        List<Participant> players = play("custom_wait", 3);
        JsonObject nobodyYet = reply(players.get(0), Map.of()); // a state request, not an arrival
        assertEquals(0, nobodyYet.getInt("arrived"), nobodyYet.toString());
        JsonObject waiting = reply(players.get(0), Map.of("type", "arrived"));
        assertEquals(1, waiting.getInt("arrived"));
        assertEquals(3, waiting.getInt("expected"));
        nextLive(players.get(1));
        nextLive(players.get(2));
        assertEquals(2, reply(players.get(1), Map.of("type", "arrived")).getInt("arrived"));
        assertEquals(200, players.get(0).submit().statusCode(), "not everyone is here yet");
        nextLive(players.get(0));
        nextLive(players.get(2));
        assertEquals("all_arrived", reply(players.get(2), Map.of("type", "arrived")).getString("type"));
        assertEquals("all_arrived", nextLive(players.get(0)).getString("type"));
        assertEquals(1, players.get(0).next());
        assertTrue(players.get(0).html().contains("Everyone is here."));
    }

    @Test
    void customWaitLetsPlayersGoOnAfterTheTimeoutEvenWithoutABrowser() {
        Participant early = play("custom_wait", 3, "{\"wait_timeout_seconds\":2}").get(0);
        reply(early, Map.of("type", "arrived")); // the others never arrive
        List<JsonObject> frames = early.live().until(frame -> "moved".equals(frame.getString("type")));
        JsonObject moved = frames.get(frames.size() - 1);
        assertTrue(moved.getString("url").endsWith("/1"), moved.toString());
        assertTrue(api.get("/p/" + early.code() + "/1").body().contains("Not everyone arrived in time"));
    }

    @Test
    void bargainingSettlesOnAnAcceptedStandingProposalAndPaysAccordingly() {
        var session = api.createSession("bargaining", 2);
        List<Participant> players = started(Participant.of(api, session));
        Participant one = players.get(0);
        Participant two = players.get(1);

        JsonObject proposal = reply(one, Map.of("type", "propose", "amount", 60));
        assertEquals(60, proposal.getInt("proposal_1"));
        assertEquals(proposal, nextLive(two));
        assertEquals(200, two.submit().statusCode(), "early Next is refused");

        reply(one, Map.of("type", "propose", "amount", 70)); // player 1 changes its mind
        nextLive(two);
        JsonObject stale = reply(two, Map.of("type", "accept", "amount", 60));
        assertEquals("error", stale.getString("type"), "accepting a proposal that has changed is refused");
        one.state();

        JsonObject deal = reply(two, Map.of("type", "accept", "amount", 70));
        assertEquals("deal", deal.getString("type"));
        assertEquals(1, deal.getInt("proposer"));
        assertEquals(deal, nextLive(one));
        assertEquals("deal", reply(one, Map.of("type", "propose", "amount", 10)).getString("type"),
                "after the deal, nothing changes it");

        assertEquals(1, one.next());
        assertEquals(1, two.next());
        JsonObject stored = LudusApi.json(api.get("/api/sessions/" + session.code()).body());
        var payoffs = stored.getJsonArray("participants").getValuesAs(JsonObject.class).stream()
                .map(p -> p.getJsonNumber("payoff_in_real_world_currency").intValue()).toList();
        assertEquals(List.of(70, 30), payoffs);
        assertTrue(two.html().contains("Your payoff: <strong id=\"payoff\">30.00</strong>"));
    }
}
