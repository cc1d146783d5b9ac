package org.ludus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.ludus.bots.AuctionBot;
import org.ludus.testkit.Database;
import org.ludus.testkit.LudusApi;
import org.ludus.testkit.LudusIT;

/** Bots play through the real socket: from a test, and started by the server for a session. */
class BotsIT extends LudusIT {

    private static BigDecimal highestBid(String participantCode) {
        return (BigDecimal) Database.single("select g.highest_bid from auction_group g join auction_player p"
                + " on p.group_id = g.id join participant pa on pa.id = p.participant_id where pa.code = ?",
                participantCode);
    }

    @Test
    void auctionBotsFromATestLeaveTheHighestBidTheySentInTheDatabase() throws Exception {
        var api = newApi();
        var session = api.createSession("auction", 6);
        AuctionBot.Report report = AuctionBot.play(api.base(), session.participants(), 15, 0);
        assertEquals(90, report.sent());
        assertEquals(90, report.acknowledged(), "every bid is answered with an ack");
        BigDecimal top = highestBid(session.participants().get(0)).max(highestBid(session.participants().get(3)));
        assertEquals(0, report.highestSent().compareTo(top), "the highest bid sent is stored");
    }

    @Test
    void theServerRunsBotsForTheParticipantsNobodyStarted() throws Exception {
        var api = newApi();
        var session = api.createSession("auction", 3);
        api.start(session.participants().get(0)); // a human takes the first slot
        var response = api.post("/api/sessions/" + session.code() + "/bots",
                "{\"bids_per_player\":10,\"bids_per_second\":50,\"wait\":true}");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject report = LudusApi.json(response.body());
        assertEquals(20, report.getInt("sent"), "two bots, ten bids each: " + report);
        assertEquals(20, report.getInt("acknowledged"));
        assertEquals(0, report.getJsonNumber("highest_sent").bigDecimalValue()
                .compareTo(highestBid(session.participants().get(0))));
        assertTrue(api.post("/api/sessions/" + session.code() + "/bots", "{}").body().contains("num_participants"),
                "no participant is left for bots");
        assertEquals(404, api.post("/api/sessions/nosuchsession/bots", "{}").statusCode());
    }
}
