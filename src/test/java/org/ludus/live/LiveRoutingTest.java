package org.ludus.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ludus.live.LiveRouting.Delivery;

class LiveRoutingTest {

    private static final int PAGE = 4;
    private static final List<GroupMember> GROUP = List.of(
            new GroupMember(1, "p1", PAGE), new GroupMember(2, "p2", PAGE), new GroupMember(3, "p3", PAGE));

    @Test
    void zeroReachesEveryPlayerOfTheGroup() {
        assertEquals(List.of(new Delivery(1, "p1", "hi"), new Delivery(2, "p2", "hi"), new Delivery(3, "p3", "hi")),
                LiveRouting.route(Map.of(0, "hi"), GROUP, PAGE));
    }

    @Test
    void idsReachOnlyThosePlayers() {
        assertEquals(List.of(new Delivery(2, "p2", "two"), new Delivery(3, "p3", "three")),
                LiveRouting.route(Map.of(2, "two", 3, "three"), GROUP, PAGE));
    }

    @Test
    void anOwnKeyOverridesZeroForThatPlayer() {
        assertEquals(List.of(new Delivery(1, "p1", "all"), new Delivery(2, "p2", "mine"), new Delivery(3, "p3", "all")),
                LiveRouting.route(Map.of(0, "all", 2, "mine"), GROUP, PAGE));
    }

    @Test
    void nullOrEmptySendsNothing() {
        assertTrue(LiveRouting.route(null, GROUP, PAGE).isEmpty());
        assertTrue(LiveRouting.route(Map.of(), GROUP, PAGE).isEmpty());
    }

    @Test
    void aNullPayloadIsSentAsNull() {
        var returned = new HashMap<Integer, Object>();
        returned.put(1, null);
        assertEquals(List.of(new Delivery(1, "p1", null)), LiveRouting.route(returned, GROUP, PAGE));
    }

    @Test
    void anUnknownIdIsRefusedNotDropped() {
        LiveRefusal refusal = assertThrows(LiveRefusal.class, () -> LiveRouting.route(Map.of(4, "x"), GROUP, PAGE));
        assertEquals("live_method_failed", refusal.code());
        assertTrue(refusal.getMessage().contains("[1, 2, 3]"), refusal.getMessage());
        assertThrows(LiveRefusal.class, () -> LiveRouting.route(Map.of(-1, "x"), GROUP, PAGE));
        assertThrows(LiveRefusal.class, () -> LiveRouting.route(Map.of("1", "x"), GROUP, PAGE));
    }

    @Test
    void playersOnAnotherPageGetNothing() {
        var group = List.of(new GroupMember(1, "p1", PAGE), new GroupMember(2, "p2", PAGE + 1));
        assertEquals(List.of(new Delivery(1, "p1", "hi")), LiveRouting.route(Map.of(0, "hi"), group, PAGE));
        assertTrue(LiveRouting.route(Map.of(2, "hi"), group, PAGE).isEmpty());
    }
}
