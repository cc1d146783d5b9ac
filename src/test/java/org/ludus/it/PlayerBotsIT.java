package org.ludus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ludus.testkit.LudusApi;
import org.ludus.testkit.LudusIT;
import org.ludus.testkit.Participant;

/** The test kit authors use (docs/testing.md) does what it says, against the real server. */
class PlayerBotsIT extends LudusIT {

    @Test
    void aReplyIsTheMessagesOwnAnswerAndOtherPlayersNewsStaysQueuedInOrder() {
        LudusApi api = newApi();
        List<Participant> bots = Participant.of(api, api.createSession("auction", 3));
        bots.forEach(bot -> bot.live());
        try {
            Participant one = bots.get(0);
            Participant two = bots.get(1);
            assertEquals(10, two.reply(Map.of("bid", 10)).asJsonObject().getInt("bid"));
            // player 1 has not read player 2's news: its reply must still be its own bid's
            assertEquals(20, one.reply(Map.of("bid", 20)).asJsonObject().getInt("bid"));
            assertEquals(10, one.nextLive().asJsonObject().getInt("bid"), "the earlier news is still there");
            assertNull(one.reply(Map.of("bid", 5)), "a lower bid sends this page nothing");
            one.state(); // and nothing else is on its way
            AssertionError refused = assertThrows(AssertionError.class, () -> one.reply(Map.of("bid", "lots")));
            assertTrue(refused.getMessage().contains("bad_data"), refused.getMessage());
        } finally {
            bots.forEach(Participant::close);
        }
    }

    @Test
    void aBotFollowsTheServerFromPageToPage() {
        LudusApi api = newApi();
        Participant bot = Participant.of(api, api.createSession("auction", 3)).get(0);
        try {
            assertEquals(0, bot.start());
            assertEquals(1, bot.next());
            assertEquals(1, bot.page());
            assertTrue(bot.html().contains("Nobody bid."), bot.html());
        } finally {
            bot.close();
        }
    }
}
