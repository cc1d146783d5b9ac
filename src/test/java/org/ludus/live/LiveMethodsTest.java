package org.ludus.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ludus.apps.auction.AuctionPlayer;
import org.ludus.page.Page;

class LiveMethodsTest {

    static class WithState extends Page<AuctionPlayer> {
        @Live
        Map<Integer, Object> live(AuctionPlayer player, String data) {
            return null;
        }

        @Override
        public Object liveState(AuctionPlayer player) {
            return "state";
        }
    }

    static class WithoutState extends Page<AuctionPlayer> {
        @Live
        Map<Integer, Object> live(AuctionPlayer player, String data) {
            return null;
        }
    }

    static class Inherited extends WithState {
    }

    @Test
    void theMessageEmptyAsksForTheStateOnlyOnPagesThatHaveOne() {
        assertTrue(LiveMethods.find(WithState.class).orElseThrow().emptyAsksState());
        assertTrue(LiveMethods.find(Inherited.class).orElseThrow().emptyAsksState());
        assertFalse(LiveMethods.find(WithoutState.class).orElseThrow().emptyAsksState());
    }

    record One(int bid) {
    }

    record Renamed(@JsonbProperty("highest_bid") int highestBid) {
    }

    record Two(int bid, String note) {
    }

    @Test
    void aRecordOfOneComponentTakesItsValueBareUnderItsJsonName() {
        assertEquals("bid", LiveMethods.bareValueField(One.class));
        assertEquals("highest_bid", LiveMethods.bareValueField(Renamed.class));
        assertNull(LiveMethods.bareValueField(Two.class));
        assertNull(LiveMethods.bareValueField(String.class));
        assertNull(LiveMethods.bareValueField(List.class));
    }
}
