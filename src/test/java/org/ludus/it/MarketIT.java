package org.ludus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ludus.testkit.Database;
import org.ludus.testkit.LiveClient;
import org.ludus.testkit.LudusApi;
import org.ludus.testkit.LudusIT;
import org.ludus.testkit.Participant;

/**
 * The double auction (apps/market), played by a bot per trader through real sockets: the rules one at a time
 * with fixed values and costs, then eight bots trading at once, checked against what the database stored.
 */
class MarketIT extends LudusIT {

    /** Every value 80 and every cost 30: the prices and payoffs of a test are known in advance. */
    private static final String FIXED = "\"value_min\":80,\"value_max\":80,\"cost_min\":30,\"cost_max\":30";

    private LudusApi api;
    private final List<AutoCloseable> open = new ArrayList<>();
    private String sessionCode;

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

    /** A bot per trader of a new market, each on the market page with its socket open. */
    private List<Participant> market(String modifications) {
        LudusApi.CreatedSession session = api.createSession("market", 8, "{" + modifications + "}");
        sessionCode = session.code();
        List<Participant> bots = Participant.of(api, session);
        opened(bots);
        return bots;
    }

    /**
     * Every trader through the market's wait page: the last one's arrival opens the market for all of them
     * (one closing time), so each is on the market page (1) with its socket open.
     */
    private List<Participant> opened(List<Participant> bots) {
        bots.forEach(bot -> {
            open.add(bot);
            bot.start();
        });
        for (Participant bot : bots) {
            assertEquals(1, bot.start(), "the market opened when the last trader arrived");
            bot.live();
        }
        return bots;
    }

    /** A timestamp column as JDBC gives it (H2: OffsetDateTime, PostgreSQL: Timestamp). */
    private static java.time.Instant instant(Object column) {
        return column instanceof java.sql.Timestamp timestamp ? timestamp.toInstant()
                : column instanceof java.time.OffsetDateTime offset ? offset.toInstant() : (java.time.Instant) column;
    }

    private static JsonObject reply(Participant bot, Object data) {
        JsonValue reply = bot.reply(data);
        assertNotNull(reply, "the live method answered the sender");
        return reply.asJsonObject();
    }

    private static Map<String, Object> offer(String type, Object price) {
        return Map.of("type", type, "price", price);
    }

    private static BigDecimal number(JsonObject object, String key) {
        return object.getJsonNumber(key).bigDecimalValue();
    }

    private static void assertAmount(String expected, JsonValue actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(((JsonNumber) actual).bigDecimalValue()),
                "expected " + expected + ", got " + actual);
    }

    /** A view is its reader's own: their id, their role, and only their own kind of limit. */
    private static void assertOwnView(JsonObject view, int idInGroup) {
        assertEquals(idInGroup, view.getInt("id_in_group"), view.toString());
        boolean buyer = idInGroup <= 4;
        assertEquals(buyer ? "buyer" : "seller", view.getString("role"), view.toString());
        assertTrue(view.containsKey(buyer ? "value" : "cost"), view.toString());
        assertFalse(view.containsKey(buyer ? "cost" : "value"), "a " + (buyer ? "buyer" : "seller")
                + " sees no " + (buyer ? "cost" : "value") + ": " + view);
    }

    @Test
    void offersTradeAtTheStandingPriceAndEveryTraderGetsTheirOwnView() {
        List<Participant> bots = market(FIXED + ",\"units_per_trader\":1");
        Participant buyer = bots.get(0);
        Participant seller = bots.get(4);

        JsonObject state = buyer.state().asJsonObject();
        assertOwnView(state, 1);
        assertAmount("80", state.get("value"));
        assertEquals(1, state.getInt("units_left"));
        assertTrue(state.isNull("offer"));

        JsonObject bid = reply(buyer, offer("bid", 50));
        assertAmount("50", bid.get("offer"));
        assertAmount("50", bid.getJsonArray("bids").get(0));
        for (int i = 1; i < 8; i++) { // every trader hears of the bid, each in their own view
            JsonObject view = bots.get(i).nextLive().asJsonObject();
            assertOwnView(view, i + 1);
            assertAmount("50", view.getJsonArray("bids").get(0));
            assertTrue(view.isNull("offer"));
        }

        reply(bots.get(1), offer("bid", 45)); // a lower bid stands behind it
        bots.stream().filter(b -> b != bots.get(1)).forEach(Participant::nextLive);

        JsonObject sold = reply(seller, offer("ask", 40)); // crosses the best bid: a trade at the bid, there first
        assertAmount("50", sold.getJsonObject("trade").get("price"));
        assertEquals(1, sold.getJsonObject("trade").getInt("number"));
        assertEquals("You sold a unit at 50.00 (cost 30.00): you earn 20.00.", sold.getString("message"));
        assertAmount("20", sold.get("payoff"));
        assertEquals(0, sold.getInt("units_left"));
        assertTrue(sold.isNull("cost"), "no unit left, no cost");
        assertEquals(1, sold.getJsonArray("trades").size());
        JsonObject bought = buyer.nextLive().asJsonObject();
        assertOwnView(bought, 1);
        assertEquals("You bought a unit at 50.00 (value 80.00): you earn 30.00.", bought.getString("message"));
        assertAmount("30", bought.get("payoff"));
        assertTrue(bought.isNull("offer"), "a trade clears both offers");
        assertEquals(1, bought.getJsonArray("bids").size(), "the other bid still stands");
        assertAmount("45", bought.getJsonArray("bids").get(0));
        assertTrue(bought.getJsonArray("asks").isEmpty());
        for (int i : new int[] {1, 2, 3, 5, 6, 7}) {
            JsonObject other = bots.get(i).nextLive().asJsonObject();
            assertOwnView(other, i + 1);
            assertFalse(other.containsKey("message"), "only the two traders get a message");
            assertAmount("50", other.getJsonObject("trade").get("price"));
        }

        assertEquals("You have no units left to buy.", reply(buyer, offer("bid", 60)).getString("error"));
        assertEquals("You have no units left to sell.", reply(seller, offer("ask", 60)).getString("error"));

        JsonObject ask = reply(bots.get(5), offer("ask", 70)); // the price is the ask's when the ask was first
        assertAmount("70", ask.getJsonArray("asks").get(0));
        bots.stream().filter(b -> b != bots.get(5)).forEach(Participant::nextLive);
        JsonObject second = reply(bots.get(3), offer("bid", 75));
        assertAmount("70", second.getJsonObject("trade").get("price"));
        assertAmount("10", second.get("payoff"));
        bots.stream().filter(b -> b != bots.get(3)).forEach(Participant::nextLive);

        JsonObject cancelled = reply(bots.get(1), Map.of("type", "cancel"));
        assertTrue(cancelled.isNull("offer"));
        assertTrue(cancelled.getJsonArray("bids").isEmpty());
        bots.stream().filter(b -> b != bots.get(1)).forEach(bot -> {
            assertTrue(bot.nextLive().asJsonObject().getJsonArray("bids").isEmpty());
            bot.state(); // and nothing else
        });

        assertEquals(List.of(30, 0, 0, 10, 20, 40, 0, 0), payoffs(bots));
    }

    @Test
    void refusalsReachTheSenderAlone() {
        List<Participant> bots = market(FIXED);
        Participant buyer = bots.get(0);
        Participant seller = bots.get(6);
        Map<Participant, List<Object[]>> refused = new LinkedHashMap<>();
        refused.put(buyer, List.<Object[]>of(
                new Object[] {offer("bid", new BigDecimal("80.01")), "You cannot bid above your value of 80.00 for this unit."},
                new Object[] {offer("ask", 90), "You are a buyer: you bid, you cannot ask."},
                new Object[] {Map.of("type", "bid"), "A bid needs a price."}));
        refused.put(seller, List.<Object[]>of(
                new Object[] {offer("ask", new BigDecimal("29.99")), "You cannot ask below your cost of 30.00 for this unit."},
                new Object[] {offer("bid", 10), "You are a seller: you ask, you cannot bid."},
                new Object[] {Map.of("type", "ask"), "An ask needs a price."}));
        refused.forEach((sender, cases) -> {
            for (Object[] c : cases) {
                JsonObject answer = reply(sender, c[0]);
                assertEquals(c[1], answer.getString("error", null), c[0].toString());
                assertOwnView(answer, sender == buyer ? 1 : 7);
                assertTrue(answer.isNull("offer"), "nothing was placed");
            }
        });
        for (Participant bot : bots) {
            JsonObject state = bot.state().asJsonObject(); // nothing reached anyone else
            assertTrue(state.getJsonArray("bids").isEmpty() && state.getJsonArray("asks").isEmpty(), state.toString());
        }
        assertEquals(0L, ((Number) Database.single("select count(*) from market_player p join participant pa on"
                + " pa.id = p.participant_id join ludus_session s on s.id = pa.session_id where s.code = ?"
                + " and p.offer_price is not null", sessionCode)).longValue(), "no offer was stored");
    }

    @Test
    void badDataIsRefusedWithAClearErrorBeforeTheGameSeesIt() {
        Participant buyer = market(FIXED).get(0);
        LiveClient socket = buyer.live();
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("{\"type\":7,\"price\":5}", "type");                   // wrong type
        cases.put("{\"type\":\"bid\",\"price\":\"5\"}", "price");        // a price in text
        cases.put("{\"type\":\"bid\",\"price\":-1}", "price: must not be negative");
        cases.put("{\"type\":\"buy\",\"price\":5}", "type: must be 'bid', 'ask' or 'cancel'");
        cases.put("{\"price\":5}", "type: must be 'bid', 'ask' or 'cancel'");
        cases.put("{\"type\":\"bid\",\"price\":5.001}", "price");        // three decimals
        cases.put("{\"type\":\"bid\",\"price\":1000000.01}", "price: must be at most 1000000");
        long id = 100;
        for (var c : cases.entrySet()) {
            id++;
            socket.sendRaw("{\"type\":\"live\",\"id\":" + id + ",\"data\":" + c.getKey() + "}");
            List<JsonObject> frames = socket.untilAnswer(id);
            JsonObject error = frames.get(frames.size() - 1);
            assertEquals(1, frames.size(), "nothing but the refusal: " + frames);
            assertEquals("error", error.getString("type"), c.getKey() + ": " + error);
            assertEquals("bad_data", error.getString("code"), c.getKey() + ": " + error);
            assertTrue(error.getString("message").contains(c.getValue()), c.getKey() + ": " + error);
        }
        assertTrue(buyer.state().asJsonObject().isNull("offer"));
        assertEquals(0L, ((Number) Database.single("select g.offer_count from market_group g join market_player p"
                + " on p.group_id = g.id join participant pa on pa.id = p.participant_id where pa.code = ?",
                buyer.code())).longValue(), "no offer was made");
    }

    @Test
    void aMessagesViewsCarryTheRecentTradesAndThePagesStateAllOfThem() {
        var session = api.createSession("market", 4, "{\"num_buyers\":2,\"num_sellers\":2,\"units_per_trader\":11,"
                + FIXED + "}");
        List<Participant> bots = Participant.of(api, session);
        opened(bots);
        JsonObject last = null;
        for (int i = 1; i <= 22; i++) {  // 22 trades, each buyer and seller 11
            reply(bots.get(2 + i % 2), offer("ask", 40));
            last = reply(bots.get(i % 2), offer("bid", 50));
            assertEquals(i, last.getJsonObject("trade").getInt("number"));
        }
        var numbers = last.getJsonArray("trades").getValuesAs(JsonObject.class).stream()
                .map(t -> t.getInt("number")).toList();
        assertEquals(java.util.stream.IntStream.rangeClosed(3, 22).boxed().toList(), numbers, "the 20 most recent");
        LiveClient socket = bots.get(0).live();
        socket.sendRaw("{\"type\":\"state\"}");
        List<JsonObject> frames = socket.until(frame -> "state".equals(frame.getString("type")));
        JsonObject state = frames.get(frames.size() - 1).getJsonObject("data");
        assertEquals(22, state.getJsonArray("trades").size(), "the page's state has every trade");
        assertEquals(0, state.getInt("units_left"));
        assertAmount("440", state.get("payoff")); // 11 × (80 − 40): each bid took the standing ask, at its price
    }

    @Test
    void aMarketNeedsAsManyParticipantsAsTraders() {
        var response = api.post("/api/sessions/", "{\"session_config_name\":\"market\",\"num_participants\":6}");
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("num_buyers + num_sellers"), response.body());
        var upsideDown = api.post("/api/sessions/", "{\"session_config_name\":\"market\",\"num_participants\":8,"
                + "\"modified_session_config_fields\":{\"value_min\":90,\"value_max\":50}}");
        assertEquals(400, upsideDown.statusCode(), upsideDown.body());
        assertTrue(upsideDown.body().contains("value_min must not exceed value_max"), upsideDown.body());
        var outOfRange = api.post("/api/sessions/", "{\"session_config_name\":\"market\",\"num_participants\":8,"
                + "\"modified_session_config_fields\":{\"round_seconds\":1e9}}");
        assertEquals(400, outOfRange.statusCode(), outOfRange.body());
        assertTrue(outOfRange.body().contains("round_seconds"), outOfRange.body());
        var smaller = api.createSession("market", 3, "{\"num_buyers\":1,\"num_sellers\":2}");
        assertEquals(3, smaller.participants().size());
        assertEquals(List.of("buyer", "seller", "seller"), Database.column("select p.role from market_player p"
                + " join participant pa on pa.id = p.participant_id join ludus_session s on s.id = pa.session_id"
                + " where s.code = ? order by p.id_in_group", smaller.code()));
    }

    @Test
    void theServerClosesTheMarketAndTheResultsPageShowsThePayoff() {
        List<Participant> bots = market(FIXED + ",\"units_per_trader\":1,\"round_seconds\":5");
        Participant buyer = bots.get(0);
        reply(buyer, offer("bid", 60));
        bots.subList(1, 8).forEach(Participant::nextLive);
        reply(bots.get(4), offer("ask", 60));
        reply(bots.get(1), offer("bid", 20)); // left standing when the market closes
        // one closing time for the market: every trader's page times out with it (within the second it is rounded to)
        Object closing = Database.single("select g.closes_at from market_group g join market_player p"
                + " on p.group_id = g.id join participant pa on pa.id = p.participant_id where pa.code = ?", buyer.code());
        assertNotNull(closing, "the wait page's afterAllPlayersArrive set the market's closing time (a public field)");
        java.time.Instant closesAt = instant(closing);
        for (Object expires : Database.column("select pa.page_expires_at from participant pa join ludus_session s"
                + " on s.id = pa.session_id where s.code = ?", sessionCode)) {
            long after = java.time.Duration.between(closesAt, instant(expires)).toMillis();
            assertTrue(after >= 0 && after < 1000, "a trader's page closes " + after + " ms after the market");
        }
        var early = buyer.submit();
        assertEquals(200, early.statusCode());
        assertTrue(early.body().contains("The market is open until the time runs out."), "early Next is refused");

        List<JsonObject> frames = bots.get(1).live().until(frame -> "moved".equals(frame.getString("type")));
        assertTrue(frames.get(frames.size() - 1).getString("url").endsWith("/2"), frames.toString());
        buyer.live().until(frame -> "moved".equals(frame.getString("type")));
        String results = api.get("/p/" + buyer.code() + "/2").body();
        assertTrue(results.contains("<strong id=\"payoff\">20.00</strong>"), results);
        assertTrue(results.contains("<strong id=\"trades\">1</strong>"), results);
        assertTrue(Database.single("select p.offer_price from market_player p join participant pa"
                + " on pa.id = p.participant_id where pa.code = ?", bots.get(1).code()) == null,
                "a trader who leaves the market leaves no offer");
    }

    /** One trader's limits, from the player row. */
    private record Trader(int idInGroup, boolean buyer, List<BigDecimal> limits, int unitsTraded, BigDecimal payoff,
            long participantId) {
    }

    private record Trade(long id, int number, long seq, int buyer, int seller, BigDecimal price, BigDecimal value,
            BigDecimal cost, Long playerId) {
    }

    @Test
    void eightBotsTradingAtOnceNeverBreakTheRules() throws Exception {
        var session = api.createSession("market", 8, "{\"units_per_trader\":4}");
        List<Participant> bots = Participant.of(api, session);
        opened(bots);
        Map<Participant, Integer> ids = new HashMap<>();
        for (Participant bot : bots) {
            ids.put(bot, bot.state().asJsonObject().getInt("id_in_group"));
        }

        int messagesPerBot = 30;
        var views = new ConcurrentHashMap<Participant, List<JsonObject>>();
        var refusals = new CopyOnWriteArrayList<String>();
        var ready = new CountDownLatch(bots.size());
        ExecutorService threads = Executors.newFixedThreadPool(bots.size());
        try {
            var done = new ArrayList<Future<?>>();
            for (Participant bot : bots) {
                long seed = 17L * ids.get(bot);
                done.add(threads.submit(() -> {
                    Random random = new Random(seed);
                    List<JsonObject> own = new ArrayList<>();
                    JsonObject view = bot.state().asJsonObject();
                    ready.countDown();
                    ready.await(30, TimeUnit.SECONDS);
                    for (int i = 0; i < messagesPerBot; i++) {
                        boolean buyer = "buyer".equals(view.getString("role"));
                        JsonValue limit = view.get(buyer ? "value" : "cost");
                        Object message;
                        if (i % 10 == 9) {
                            message = Map.of("type", "cancel");
                        } else if (limit.getValueType() == JsonValue.ValueType.NULL) { // no unit left: refused, and said so
                            message = offer(buyer ? "bid" : "ask", 50);
                        } else {
                            // random prices within the trader's own limit: a buyer up to 30 below the value of
                            // the unit, a seller up to 30 above its cost (whole cents)
                            BigDecimal l = ((JsonNumber) limit).bigDecimalValue();
                            BigDecimal spread = BigDecimal.valueOf(random.nextInt(3001), 2);
                            BigDecimal price = buyer ? l.subtract(spread).max(BigDecimal.ZERO) : l.add(spread);
                            message = offer(buyer ? "bid" : "ask", price);
                        }
                        view = bot.reply(message).asJsonObject();
                        own.add(view);
                        if (view.containsKey("error")) {
                            refusals.add(view.getString("error"));
                        }
                    }
                    views.put(bot, own);
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(120, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        // every frame each bot got, its own replies and the news of others' messages, is its own view
        for (Participant bot : bots) {
            int id = ids.get(bot);
            views.get(bot).forEach(view -> assertOwnView(view, id));
            bot.live().sendRaw("{\"type\":\"state\"}");
            List<JsonObject> frames = bot.live().until(frame -> "state".equals(frame.getString("type")));
            LiveClient.liveData(frames).forEach(view -> assertOwnView(view.asJsonObject(), id));
            assertOwnView(frames.get(frames.size() - 1).getJsonObject("data"), id);
        }
        refusals.forEach(error -> assertTrue(error.startsWith("You have no units left")
                || error.startsWith("You cannot bid above your value") || error.startsWith("You cannot ask below"),
                "a refusal the bots provoke by offering on a limit that changed meanwhile, or without units: " + error));

        Map<Integer, Trader> traders = traders(session.code());
        List<Trade> trades = trades(session.code());
        System.out.println("MarketIT: " + trades.size() + " trades, " + refusals.size() + " refusals");
        assertTrue(trades.size() >= 3, "the bots traded: " + trades.size());

        // each trade: its number and seq in order, its unit's value and cost those of the traders' rows
        Map<Integer, Integer> nth = new HashMap<>();
        BigDecimal gains = BigDecimal.ZERO;
        Map<Integer, BigDecimal> earned = new HashMap<>();
        long lastSeq = 0;
        for (int i = 0; i < trades.size(); i++) {
            Trade t = trades.get(i);
            assertEquals(i + 1, t.number(), "trade numbers 1, 2, 3, … in order");
            assertTrue(t.seq() > lastSeq, "seq strictly increasing: " + trades);
            lastSeq = t.seq();
            Trader buyer = traders.get(t.buyer());
            Trader seller = traders.get(t.seller());
            assertTrue(buyer.buyer() && !seller.buyer(), "a buyer and a seller, never one trader twice: " + t);
            int buyerUnit = nth.merge(t.buyer(), 1, Integer::sum) - 1;
            int sellerUnit = nth.merge(t.seller(), 1, Integer::sum) - 1;
            assertTrue(buyerUnit < buyer.limits().size() && sellerUnit < seller.limits().size(), "no unit traded twice");
            assertEquals(0, buyer.limits().get(buyerUnit).compareTo(t.value()), "the buyer's next unit: " + t);
            assertEquals(0, seller.limits().get(sellerUnit).compareTo(t.cost()), "the seller's next unit: " + t);
            assertTrue(t.price().compareTo(t.value()) <= 0, "no trade above the buyer's value: " + t);
            assertTrue(t.price().compareTo(t.cost()) >= 0, "no trade below the seller's cost: " + t);
            gains = gains.add(t.value().subtract(t.cost()));
            earned.merge(t.buyer(), t.value().subtract(t.price()), BigDecimal::add);
            earned.merge(t.seller(), t.price().subtract(t.cost()), BigDecimal::add);

            // the seq is the live log's for the message that made it: a bid or ask of one of the two traders
            Long participant = (Long) Database.single("select l.participant_id from live_log l join market_player p"
                    + " on p.group_id = l.group_id where p.id = ? and l.app_name = 'market' and l.seq = ?",
                    t.playerId(), t.seq());
            assertTrue(participant == buyer.participantId() || participant == seller.participantId(),
                    "the message with the trade's seq came from its buyer or seller: " + t);
        }
        BigDecimal payoffs = BigDecimal.ZERO;
        for (Trader trader : traders.values()) {
            int count = nth.getOrDefault(trader.idInGroup(), 0);
            assertEquals(count, trader.unitsTraded(), "units traded as the trades say: " + trader);
            assertTrue(trader.unitsTraded() <= trader.limits().size(), "never more than the units: " + trader);
            assertEquals(0, earned.getOrDefault(trader.idInGroup(), BigDecimal.ZERO).compareTo(trader.payoff()),
                    "payoff as the trades say: " + trader);
            payoffs = payoffs.add(trader.payoff());
        }
        assertEquals(0, gains.compareTo(payoffs), "payoffs sum to the gains from trade");

        var response = api.get("/api/exports/custom/market?session=" + session.code());
        assertEquals(200, response.statusCode(), response.body());
        ExportsIT.Csv export = ExportsIT.parse(response.body());
        assertTrue(export.header().containsAll(List.of("session_code", "trade_number", "seq", "buyer", "seller",
                "price", "buyer_value", "seller_cost", "traded_at")), export.header().toString());
        assertEquals(trades.stream().map(t -> String.valueOf(t.number())).toList(), export.column("trade_number"));
        assertEquals(trades.stream().map(t -> t.price().setScale(2).toPlainString()).toList(),
                export.column("price").stream().map(p -> new BigDecimal(p).setScale(2).toPlainString()).toList());
    }

    private static List<Integer> payoffs(List<Participant> bots) {
        var payoffs = new ArrayList<Integer>();
        for (Participant bot : bots) {
            payoffs.add(((BigDecimal) Database.single("select p.payoff from market_player p join participant pa"
                    + " on pa.id = p.participant_id where pa.code = ?", bot.code())).intValue());
        }
        return payoffs;
    }

    private static Map<Integer, Trader> traders(String sessionCode) throws SQLException {
        var traders = new HashMap<Integer, Trader>();
        try (Connection connection = Database.connect(); var statement = connection.prepareStatement(
                "select p.id_in_group, p.role, p.unit_limits, p.units_traded, p.payoff, p.participant_id"
                        + " from market_player p join participant pa on pa.id = p.participant_id"
                        + " join ludus_session s on s.id = pa.session_id where s.code = ?")) {
            statement.setString(1, sessionCode);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    List<BigDecimal> limits = Arrays.stream(rows.getString(3).split(" ")).map(BigDecimal::new).toList();
                    traders.put(rows.getInt(1), new Trader(rows.getInt(1), "buyer".equals(rows.getString(2)), limits,
                            rows.getInt(4), rows.getBigDecimal(5), rows.getLong(6)));
                }
            }
        }
        assertEquals(8, traders.size());
        return traders;
    }

    private static List<Trade> trades(String sessionCode) throws SQLException {
        var trades = new ArrayList<Trade>();
        try (Connection connection = Database.connect(); var statement = connection.prepareStatement(
                "select t.id, t.trade_number, t.seq, t.buyer, t.seller, t.price, t.buyer_value, t.seller_cost,"
                        + " t.player_id from market_trade t join market_group g on g.id = t.group_id"
                        + " join subsession ss on ss.id = g.subsession_id join ludus_session s on s.id = ss.session_id"
                        + " where s.code = ? order by t.id")) {
            statement.setString(1, sessionCode);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    trades.add(new Trade(rows.getLong(1), rows.getInt(2), rows.getLong(3), rows.getInt(4),
                            rows.getInt(5), rows.getBigDecimal(6), rows.getBigDecimal(7), rows.getBigDecimal(8),
                            rows.getLong(9)));
                }
            }
        }
        return trades;
    }
}
