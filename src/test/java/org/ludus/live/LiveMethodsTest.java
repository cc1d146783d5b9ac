package org.ludus.live;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
