package ${package}.${app};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ludus.testkit.Database;
import org.ludus.testkit.LudusApi;
import org.ludus.testkit.LudusIT;
import org.ludus.testkit.Participant;

/** The game played by three bots through the real pages and sockets of a real WildFly (mvn verify). */
class PublicGoodsIT extends LudusIT {

    private List<Participant> players = List.of();

    @AfterEach
    void close() {
        players.forEach(Participant::close);
    }

    @Test
    void everyoneSeesThePotGrowAndIsPaidTheirShare() {
        LudusApi api = newApi();
        var session = api.createSession("${app}", 3);
        players = Participant.of(api, session);
        players.forEach(bot -> {
            bot.start();
            bot.live();
        });

        JsonObject first = players.get(0).reply(Map.of("amount", 40)).asJsonObject();
        assertEquals(40, first.getInt("total"));
        assertEquals(1, first.getInt("contributed"));
        assertEquals(first, players.get(1).nextLive().asJsonObject(), "the others see the pot grow");
        assertEquals(first, players.get(2).nextLive().asJsonObject());

        JsonObject twice = players.get(0).reply(Map.of("amount", 10)).asJsonObject();
        assertEquals("You have contributed already.", twice.getString("error"));
        JsonObject tooMuch = players.get(1).reply(Map.of("amount", 101)).asJsonObject();
        assertEquals("You can give at most 100.00.", tooMuch.getString("error"));
        assertEquals(200, players.get(0).submit().statusCode(), "nobody goes on before everyone has given");

        players.get(1).reply(Map.of("amount", 20));
        players.get(2).reply(Map.of("amount", 0));
        players.forEach(Participant::next);

        // kept 60, 80, 100; the pot of 60 doubled is 120, 40 each
        assertTrue(players.get(0).html().contains("<strong id=\"payoff\">100.00</strong>"), players.get(0).html());
        assertEquals(0, new java.math.BigDecimal("60.00").compareTo((java.math.BigDecimal) Database.single(
                "select g.total from public_goods_group g join public_goods_player p on p.group_id = g.id"
                        + " join participant pa on pa.id = p.participant_id where pa.code = ?",
                players.get(0).code())));
    }
}
