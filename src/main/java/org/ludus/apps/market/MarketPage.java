package org.ludus.apps.market;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.ludus.live.Dict;
import org.ludus.live.Live;
import org.ludus.page.Page;
import org.ludus.session.Currency;
import org.ludus.session.ExtraModel;

/**
 * The market's live page. Messages: {@code {type: 'bid', price}} (buyers), {@code {type: 'ask', price}}
 * (sellers), {@code {type: 'cancel'}} (withdraws one's standing offer); the page's state ({@code {}}) is
 * {@link #liveState}. A new offer replaces the trader's standing one; it trades at once if it crosses the best
 * offer on the other side, at the price of the standing offer, which was in the book first ({@link OrderBook}).
 * A trade is a {@link MarketTrade} row, uses up a unit of each trader, clears both their offers and adds to their
 * payoffs: the buyer's value minus the price, the price minus the seller's cost.
 *
 * <p>Every accepted message answers each trader of the market with their own view (never one broadcast under 0:
 * a buyer never sees a seller's cost); a refused one answers the sender alone, with {@code error}.
 */
@ApplicationScoped
public class MarketPage extends Page<MarketPlayer> {

    static final String TYPES = "must be 'bid', 'ask' or 'cancel'";
    /** The trades a message's views carry (the most recent); the page's state carries all of them. */
    static final int RECENT_TRADES = 20;

    /** A price has at most two decimals (Currency), is not negative and at most 1,000,000. */
    public record Order(@NotNull(message = TYPES) @Pattern(regexp = "bid|ask|cancel", message = TYPES) String type,
            @PositiveOrZero(message = "must not be negative")
            @DecimalMax(value = "1000000", message = "must be at most 1000000") Currency price) {
    }

    @Live
    Map<Integer, Object> live(MarketPlayer player, Order order) {
        MarketGroup group = player.getGroup();
        List<MarketPlayer> players = group.getPlayers();
        if ("cancel".equals(order.type())) {
            player.clearOffer();
            return views(group, players, null);
        }
        boolean bid = "bid".equals(order.type());
        String refusal = order.price() == null ? "A" + (bid ? " bid" : "n ask") + " needs a price."
                : OrderBook.refusal(player.isBuyer(), bid, player.nextLimit(), order.price());
        if (refusal != null) {
            return Map.of(player.getIdInGroup(), view(player, book(players), recent(trades(group))).with("error", refusal));
        }
        player.offerPrice = order.price();
        player.offerNumber = ++group.offerCount;
        List<OrderBook.Offer> standing = standing(players);
        Optional<OrderBook.Match> match = OrderBook.match(player.offer(), standing);
        return views(group, players, match.map(m -> trade(player, group, players, m)).orElse(null));
    }

    /** Stores the trade and applies it to both traders. */
    private static MarketTrade trade(MarketPlayer sender, MarketGroup group, List<MarketPlayer> players,
            OrderBook.Match match) {
        MarketPlayer buyer = byId(players, match.buyer());
        MarketPlayer seller = byId(players, match.seller());
        Currency value = buyer.nextLimit();
        Currency cost = seller.nextLimit();
        Currency price = match.price();
        if (value == null || cost == null || price.isGreaterThan(value) || price.isLessThan(cost)) {
            // the offers were checked when they were made, and a trader's limit changes only when they trade,
            // which clears their offer: this cannot happen, and if it did, the message is rolled back
            throw new IllegalStateException("a trade at " + price + " between value " + value + " and cost " + cost);
        }
        var trade = new MarketTrade();
        trade.tradeNumber = ++group.tradeCount;
        trade.seq = group.getLiveSeq() + 1; // the number this message takes when it commits (under the group's lock)
        trade.buyer = buyer.getIdInGroup();
        trade.seller = seller.getIdInGroup();
        trade.price = price;
        trade.buyerValue = value;
        trade.sellerCost = cost;
        trade.saveFor(sender);
        buyer.unitsTraded++;
        seller.unitsTraded++;
        buyer.clearOffer();
        seller.clearOffer();
        buyer.setPayoff(Currency.of(buyer.getPayoff()).plus(value.minus(price)));
        seller.setPayoff(Currency.of(seller.getPayoff()).plus(price.minus(cost)));
        return trade;
    }

    private static MarketPlayer byId(List<MarketPlayer> players, int idInGroup) {
        return players.stream().filter(p -> p.getIdInGroup() == idInGroup).findFirst().orElseThrow();
    }

    /** Each trader's own view, under their own id; with the news of a trade this message made, if any. */
    private static Map<Integer, Object> views(MarketGroup group, List<MarketPlayer> players, MarketTrade trade) {
        Dict book = book(players);
        List<Dict> trades = recent(trades(group));
        var views = new LinkedHashMap<Integer, Object>();
        for (MarketPlayer p : players) {
            Dict view = view(p, book, trades);
            if (trade != null) {
                view.with("trade", Dict.of("number", trade.tradeNumber, "price", trade.price));
                if (p.getIdInGroup() == trade.buyer) {
                    view.with("message", "You bought a unit at " + trade.price + " (value " + trade.buyerValue
                            + "): you earn " + trade.buyerValue.minus(trade.price) + ".");
                } else if (p.getIdInGroup() == trade.seller) {
                    view.with("message", "You sold a unit at " + trade.price + " (cost " + trade.sellerCost
                            + "): you earn " + trade.price.minus(trade.sellerCost) + ".");
                }
            }
            views.put(p.getIdInGroup(), view);
        }
        return views;
    }

    /** The traders' standing offers. */
    private static List<OrderBook.Offer> standing(List<MarketPlayer> players) {
        return players.stream().map(MarketPlayer::offer).filter(Objects::nonNull).toList();
    }

    /** The public book: standing bids (highest first) and asks (lowest first), prices only. */
    private static Dict book(List<MarketPlayer> players) {
        List<OrderBook.Offer> standing = standing(players);
        return Dict.of("bids", OrderBook.bids(standing).stream().map(OrderBook.Offer::price).toList(),
                "asks", OrderBook.asks(standing).stream().map(OrderBook.Offer::price).toList());
    }

    private static List<Dict> recent(List<Dict> trades) {
        return trades.subList(Math.max(0, trades.size() - RECENT_TRADES), trades.size());
    }

    /** Every trade of the market so far, oldest first (at most num_buyers × units_per_trader). */
    private static List<Dict> trades(MarketGroup group) {
        return ExtraModel.ofGroup(MarketTrade.class, group).stream()
                .map(t -> Dict.of("number", t.tradeNumber, "price", t.price, "time", t.tradedAt.toString()))
                .toList();
    }

    /**
     * What one trader sees: their role, the value (buyer) or cost (seller) of their next unit (null when none is
     * left), units, their standing offer, their payoff so far, the public book and the trades (in a message's
     * views the {@value #RECENT_TRADES} most recent, in the page's state all: the page keeps the chart's points).
     */
    static Dict view(MarketPlayer player, Dict book, List<Dict> trades) {
        return Dict.of("id_in_group", player.getIdInGroup(), "role", player.role,
                        player.isBuyer() ? "value" : "cost", player.nextLimit(),
                        "units", player.units(), "units_left", player.unitsLeft(),
                        "offer", player.offerPrice, "payoff", Currency.of(player.getPayoff()))
                .with("bids", book.get("bids"), "asks", book.get("asks"), "trades", trades);
    }

    @Override
    public Dict liveState(MarketPlayer player) {
        List<MarketPlayer> players = player.getGroup().getPlayers();
        return view(player, book(players), trades(player.getGroup()));
    }

    @Override
    public Map<String, Object> varsForTemplate(MarketPlayer player) {
        return Map.of("role", player.role, "units", player.units(), "limits", player.limitList(),
                "round_seconds", MarketApp.number(player.getSession(), "round_seconds"));
    }

    /** The market closes with the page's timeout: at the market's closing time, the same for every trader. */
    @Override
    public Integer timeoutSeconds(MarketPlayer player) {
        Instant closesAt = player.getGroup().closesAt;
        if (closesAt == null) { // not opened by its wait page (a market made before it had one)
            return MarketApp.number(player.getSession(), "round_seconds");
        }
        long millis = Duration.between(Instant.now(), closesAt).toMillis();
        return (int) Math.max(0, (millis + 999) / 1000);
    }

    @Override
    public String errorMessage(MarketPlayer player, Map<String, Object> values) {
        return "The market is open until the time runs out.";
    }

    /** A trader who leaves the market leaves no offer behind. */
    @Override
    public void beforeNextPage(MarketPlayer player, boolean timeoutHappened) {
        player.clearOffer();
    }
}
