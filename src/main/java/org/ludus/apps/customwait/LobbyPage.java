package org.ludus.apps.customwait;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Map;
import org.ludus.live.Dict;
import org.ludus.live.Live;
import org.ludus.page.Page;

/**
 * The seed's custom wait page, built on a live page: each player announces arrival; when the whole group is
 * there, every page goes on; if the timeout comes first, the page goes on anyway (the server enforces it).
 */
@ApplicationScoped
public class LobbyPage extends Page<CustomWaitPlayer> {

    public record Arrival(String type) {
    }

    @Live
    Map<Integer, Object> live(CustomWaitPlayer player, Arrival arrival) {
        if (!player.arrived) {
            player.arrived = true;
            player.getGroup().numArrived++;
        }
        return Map.of(0, liveState(player));
    }

    /** Who has arrived, for a page that opens or reconnects (its own arrival is the page's message). */
    @Override
    public Dict liveState(CustomWaitPlayer player) {
        int arrived = player.getGroup().numArrived;
        return arrived >= CustomWaitApp.PLAYERS_PER_GROUP ? Dict.of("type", "all_arrived")
                : Dict.of("type", "waiting", "arrived", arrived, "expected", CustomWaitApp.PLAYERS_PER_GROUP);
    }

    @Override
    public Integer timeoutSeconds(CustomWaitPlayer player) {
        return player.getSession().configNumber("wait_timeout_seconds", BigDecimal.valueOf(60)).intValue();
    }

    @Override
    public String errorMessage(CustomWaitPlayer player, Map<String, Object> values) {
        return player.getGroup().numArrived >= CustomWaitApp.PLAYERS_PER_GROUP ? null
                : "Please wait until everyone has arrived.";
    }

    @Override
    public void beforeNextPage(CustomWaitPlayer player, boolean timeoutHappened) {
        player.timedOut = timeoutHappened;
    }
}
