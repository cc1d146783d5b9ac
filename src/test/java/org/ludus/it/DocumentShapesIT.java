package org.ludus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ludus.testkit.Database;
import org.ludus.testkit.LiveClient;
import org.ludus.testkit.LudusApi;
import org.ludus.testkit.LudusIT;
import org.ludus.testkit.Participant;

/**
 * Every message shape of the live-pages document, sent as its JavaScript writes it ({@code liveSend(99)},
 * {@code liveSend('hello world')}, …), to a live method written as the document writes it: the example
 * auction, tic-tac-toe, and the test app "shapes" (one page per example).
 */
class DocumentShapesIT extends LudusIT {

    private final List<Participant> open = new ArrayList<>();

    @AfterEach
    void close() {
        open.forEach(Participant::close);
    }

    /** A bot per participant, each on page {@code page} of the session with its socket open. */
    private List<Participant> players(String config, int n, int page) {
        LudusApi api = newApi();
        List<Participant> bots = Participant.of(api, api.createSession(config, n));
        for (Participant bot : bots) {
            open.add(bot);
            bot.start();
            while (bot.page() < page) {
                bot.next();
            }
        }
        bots.forEach(Participant::live);
        return bots;
    }

    private static JsonValue json(String text) {
        return LudusApi.jsonValue(text);
    }

    @Test
    void theAuctionTakesTheSeedsBareNumber() {
        List<Participant> bots = players("auction", 3, 0);
        JsonValue broadcast = json("{\"id_in_group\":1,\"bid\":99.00}"); // a Currency: two decimals
        assertEquals(broadcast, bots.get(0).reply(99), "liveSend(99) bids 99");
        assertEquals(broadcast, bots.get(1).nextLive());
        assertEquals(broadcast, bots.get(2).nextLive());

        assertEquals(json("{\"id_in_group\":2,\"bid\":120.50}"), bots.get(1).reply(Map.of("bid", 120.5)),
                "{bid: 120.5}, the richer shape, still bids");
        assertNull(bots.get(2).reply(100), "a lower bare bid sends nothing");

        JsonObject state = bots.get(2).reply(Map.of()).asJsonObject(); // the page's liveSend({}) on load
        assertEquals(2, state.getJsonArray("history").size(), state.toString());
        assertEquals(new BigDecimal("120.50"), state.getJsonNumber("highest_bid").bigDecimalValue());
        assertEquals(0, new BigDecimal("120.5").compareTo((BigDecimal) Database.single(
                "select g.highest_bid from auction_group g join auction_player p on p.group_id = g.id"
                        + " join participant pa on pa.id = p.participant_id where pa.code = ?", bots.get(0).code())));

        LiveClient client = bots.get(0).live();
        for (String bad : List.of("\"99\"", "99.001", "-1", "true", "[99]", "null")) {
            List<JsonObject> frames = client.untilAnswer(client.sendData(bad)); // after player 2's 120.50 news
            JsonObject error = frames.get(frames.size() - 1);
            assertEquals("error", error.getString("type"), bad);
            assertEquals("bad_data", error.getString("code"), bad + ": " + error);
        }
    }

    @Test
    void helloWorld() {
        Participant bot = players("shapes", 3, 0).get(0);
        assertEquals(Json.createValue("thanks for hello world"), bot.reply("hello world"));
    }

    @Test
    void aListIsForwardedToPlayersTwoAndThree() {
        List<Participant> bots = players("shapes", 3, 1);
        assertNull(bots.get(0).reply(List.of(4, 5, 6)), "{2: data, 3: data} sends the sender nothing");
        assertEquals(json("[4,5,6]"), bots.get(1).nextLive());
        assertEquals(json("[4,5,6]"), bots.get(2).nextLive());
        bots.get(0).state(); // and nothing reached player 1
    }

    @Test
    void aTypedDictIsBroadcast() {
        List<Participant> bots = players("shapes", 3, 2);
        var bid = new LinkedHashMap<String, Object>();
        bid.put("type", "bid");
        bid.put("value", 10.5);
        JsonValue expected = json("{\"type\":\"bid\",\"value\":10.5}");
        assertEquals(expected, bots.get(0).reply(bid));
        assertEquals(expected, bots.get(1).nextLive());
        assertEquals(expected, bots.get(2).nextLive());
    }

    @Test
    void offersAndResponsesGoToPlayerTo() {
        List<Participant> bots = players("shapes", 3, 3);
        var offer = new LinkedHashMap<String, Object>();
        offer.put("type", "offer");
        offer.put("value", 99.9);
        offer.put("to", 3);
        assertNull(bots.get(0).reply(offer));
        assertEquals(json("{\"type\":\"offer\",\"from\":1,\"value\":99.9}"), bots.get(2).nextLive());

        var response = new LinkedHashMap<String, Object>();
        response.put("type", "response");
        response.put("accepted", true);
        response.put("to", 1);
        assertNull(bots.get(2).reply(response));
        assertEquals(json("{\"type\":\"response\",\"from\":3,\"accepted\":true}"), bots.get(0).nextLive());
        bots.get(1).state(); // player 2 saw neither
    }

    @Test
    void aSquareAndTheEmptyStateRequest() {
        List<Participant> bots = players("tictactoe", 2, 0);
        JsonObject empty = bots.get(0).reply(Map.of()).asJsonObject();
        assertEquals("         ", empty.getString("board"), "liveSend({}) gets the board");
        JsonObject moved = bots.get(0).reply(Map.of("square", 3)).asJsonObject();
        assertEquals("   X     ", moved.getString("board"), "liveSend({square: 3}) marks square 3");
        assertEquals(moved, bots.get(1).nextLive());
    }
}
