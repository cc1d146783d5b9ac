package org.ludus.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupOutboxTest {

    private final GroupOutbox outbox = new GroupOutbox();
    private final List<String> sent = new ArrayList<>();

    @Test
    void aLaterCommitWaitsForTheEarlierOne() {
        var first = outbox.reserve("auction:1");
        var second = outbox.reserve("auction:1");
        outbox.complete(second, () -> sent.add("second"));
        assertEquals(List.of(), sent, "the second must not overtake the first");
        outbox.complete(first, () -> sent.add("first"));
        assertEquals(List.of("first", "second"), sent);
    }

    @Test
    void aRolledBackSlotLetsTheNextOnesGo() {
        var rolledBack = outbox.reserve("g");
        var committed = outbox.reserve("g");
        outbox.complete(committed, () -> sent.add("committed"));
        outbox.complete(rolledBack, null);
        assertEquals(List.of("committed"), sent);
    }

    @Test
    void aQuietGroupKeepsNothing() {
        var first = outbox.reserve("auction:1");
        var second = outbox.reserve("auction:1");
        outbox.complete(first, () -> sent.add("first"));
        assertEquals(1, outbox.size(), "a slot is still open");
        outbox.complete(second, null);
        assertEquals(0, outbox.size(), "every group that ever sent would stay in memory otherwise");
        var again = outbox.reserve("auction:1"); // and the group goes on in a queue of its own
        outbox.complete(again, () -> sent.add("again"));
        assertEquals(List.of("first", "again"), sent);
        assertEquals(0, outbox.size());
    }

    @Test
    void groupsDoNotWaitForEachOther() {
        var groupOne = outbox.reserve("auction:1");
        var groupTwo = outbox.reserve("auction:2");
        outbox.complete(groupTwo, () -> sent.add("two"));
        assertEquals(List.of("two"), sent);
        outbox.complete(groupOne, () -> sent.add("one"));
        assertEquals(List.of("two", "one"), sent);
    }
}
