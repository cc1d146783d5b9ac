package org.ludus.apps.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ludus.apps.market.OrderBook.Offer;
import org.ludus.session.Currency;

class OrderBookTest {

    private static Offer bid(int trader, String price, long number) {
        return new Offer(trader, true, Currency.of(price), number);
    }

    private static Offer ask(int trader, String price, long number) {
        return new Offer(trader, false, Currency.of(price), number);
    }

    @Test
    void buyersBidAtMostTheirValueAndSellersAskAtLeastTheirCost() {
        Currency limit = Currency.of("50");
        assertNull(OrderBook.refusal(true, true, limit, Currency.of("50")));
        assertNull(OrderBook.refusal(true, true, limit, Currency.ZERO));
        assertEquals("You cannot bid above your value of 50.00 for this unit.",
                OrderBook.refusal(true, true, limit, Currency.of("50.01")));
        assertNull(OrderBook.refusal(false, false, limit, Currency.of("50")));
        assertEquals("You cannot ask below your cost of 50.00 for this unit.",
                OrderBook.refusal(false, false, limit, Currency.of("49.99")));
    }

    @Test
    void eachRoleMakesOnlyItsOwnKindOfOfferAndOnlyWithAUnitLeft() {
        assertEquals("You are a buyer: you bid, you cannot ask.",
                OrderBook.refusal(true, false, Currency.of("50"), Currency.of("60")));
        assertEquals("You are a seller: you ask, you cannot bid.",
                OrderBook.refusal(false, true, Currency.of("50"), Currency.of("40")));
        assertEquals("You have no units left to buy.", OrderBook.refusal(true, true, null, Currency.of("1")));
        assertEquals("You have no units left to sell.", OrderBook.refusal(false, false, null, Currency.of("1")));
    }

    @Test
    void theBookIsSortedBestFirstAndOldestFirstAtEqualPrices() {
        List<Offer> standing = List.of(bid(1, "30", 1), ask(5, "70", 2), bid(2, "45", 3), ask(6, "60", 4),
                bid(3, "45", 5), ask(7, "60", 6));
        assertEquals(List.of(bid(2, "45", 3), bid(3, "45", 5), bid(1, "30", 1)), OrderBook.bids(standing));
        assertEquals(List.of(ask(6, "60", 4), ask(7, "60", 6), ask(5, "70", 2)), OrderBook.asks(standing));
    }

    @Test
    void aBidThatReachesTheBestAskTradesAtTheAskWhichWasThereFirst() {
        List<Offer> standing = List.of(ask(5, "70", 1), ask(6, "60", 2), ask(7, "60", 3), bid(2, "40", 4));
        var match = OrderBook.match(bid(1, "65", 5), standing).orElseThrow();
        assertEquals(6, match.seller(), "the lowest ask, and of two equal ones the older");
        assertEquals(1, match.buyer());
        assertEquals(Currency.of("60"), match.price(), "the standing ask's price, not the bid's");
        assertTrue(OrderBook.match(bid(1, "59.99", 5), standing).isEmpty(), "no cross, no trade");
        assertEquals(Currency.of("60"), OrderBook.match(bid(1, "60", 5), standing).orElseThrow().price(),
                "an equal price crosses");
    }

    @Test
    void anAskThatReachesTheBestBidTradesAtTheBidWhichWasThereFirst() {
        List<Offer> standing = List.of(bid(1, "50", 1), bid(2, "55", 2), bid(3, "55", 3), ask(6, "90", 4));
        var match = OrderBook.match(ask(5, "52", 5), standing).orElseThrow();
        assertEquals(2, match.buyer());
        assertEquals(5, match.seller());
        assertEquals(Currency.of("55"), match.price());
        assertTrue(OrderBook.match(ask(5, "55.01", 5), standing).isEmpty());
    }

    @Test
    void noOneTradesWithThemselves() {
        List<Offer> standing = List.of(ask(1, "10", 1));
        assertTrue(OrderBook.match(bid(1, "20", 2), standing).isEmpty());
        assertTrue(OrderBook.match(bid(1, "20", 3), List.of(ask(1, "10", 1), bid(1, "20", 2))).isEmpty());
    }
}
