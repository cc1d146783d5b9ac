package org.ludus.apps.market;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.ludus.session.Currency;

/**
 * The market's rules without the database: which offers a trader may make, how the book is sorted, and when an
 * incoming offer trades. Pure, so it is unit-tested by itself ({@code OrderBookTest}); {@link MarketPage} applies
 * it to the offers stored in the player rows.
 *
 * <ul>
 *   <li>A buyer bids, a seller asks; each trader has at most one standing offer, and a new one replaces it.</li>
 *   <li>A buyer may not bid above the value of the next unit, a seller may not ask below its cost, and no one
 *       offers without a unit left.</li>
 *   <li>A trade happens as soon as the best ask is at or below the best bid. The best bid is the highest (of
 *       equal ones, the earliest), the best ask the lowest (the earliest). The price is that of the standing
 *       offer that was in the book first: since the book never stays crossed, that is always the standing offer
 *       the incoming one crossed.</li>
 *   <li>No one trades with themselves (a trader is only a buyer or only a seller, and their own offers are left
 *       out of the match in any case).</li>
 * </ul>
 */
public final class OrderBook {

    /** A standing or incoming offer: the trader's id in group, bid or ask, its price, and its place in time. */
    public record Offer(int trader, boolean bid, Currency price, long number) {
    }

    /** A match of an incoming offer with a standing one, at the standing offer's price. */
    public record Match(Offer incoming, Offer standing, Currency price) {
        public int buyer() {
            return incoming.bid() ? incoming.trader() : standing.trader();
        }

        public int seller() {
            return incoming.bid() ? standing.trader() : incoming.trader();
        }
    }

    /** Highest first, then oldest first. */
    static final Comparator<Offer> BIDS = Comparator.comparing(Offer::price).reversed()
            .thenComparingLong(Offer::number);
    /** Lowest first, then oldest first. */
    static final Comparator<Offer> ASKS = Comparator.comparing(Offer::price).thenComparingLong(Offer::number);

    private OrderBook() {
    }

    /**
     * Why the trader may not make this offer, or null if they may.
     *
     * @param buyer the trader's role
     * @param bid whether the offer is a bid (else an ask)
     * @param limit the value (buyer) or cost (seller) of the trader's next unit; null when no unit is left
     */
    public static String refusal(boolean buyer, boolean bid, Currency limit, Currency price) {
        if (buyer && !bid) {
            return "You are a buyer: you bid, you cannot ask.";
        }
        if (!buyer && bid) {
            return "You are a seller: you ask, you cannot bid.";
        }
        if (limit == null) {
            return buyer ? "You have no units left to buy." : "You have no units left to sell.";
        }
        if (buyer && price.isGreaterThan(limit)) {
            return "You cannot bid above your value of " + limit + " for this unit.";
        }
        if (!buyer && price.isLessThan(limit)) {
            return "You cannot ask below your cost of " + limit + " for this unit.";
        }
        return null;
    }

    /** The standing bids, best first. */
    public static List<Offer> bids(List<Offer> standing) {
        return standing.stream().filter(Offer::bid).sorted(BIDS).toList();
    }

    /** The standing asks, best first. */
    public static List<Offer> asks(List<Offer> standing) {
        return standing.stream().filter(o -> !o.bid()).sorted(ASKS).toList();
    }

    /**
     * The trade the incoming offer makes with the book, if it crosses the best offer on the other side.
     * {@code standing} holds the other traders' offers (the incoming trader's own, if given, are ignored).
     */
    public static Optional<Match> match(Offer incoming, List<Offer> standing) {
        List<Offer> others = standing.stream().filter(o -> o.trader() != incoming.trader()).toList();
        Optional<Offer> best = (incoming.bid() ? asks(others) : bids(others)).stream().findFirst();
        return best.filter(b -> incoming.bid() ? !b.price().isGreaterThan(incoming.price())
                        : !b.price().isLessThan(incoming.price()))
                .map(b -> new Match(incoming, b, b.price())); // the standing offer was in the book first
    }
}
