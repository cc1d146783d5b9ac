package org.ludus.apps.customwait;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.ludus.live.Live;
import org.ludus.page.Page;
import org.ludus.session.Sessions;

/**
 * The seed's custom wait page, built on a live page: each player announces arrival; when the whole group is
 * there, every page goes on; if the timeout comes first, the page goes on anyway (the server enforces it).
 */
@ApplicationScoped
public class LobbyPage extends Page<CustomWaitPlayer> {

    public record Arrival(String type) {
    }

    @Inject
    Sessions sessions;

    @Live
    Map<Integer, Object> live(CustomWaitPlayer player, Arrival arrival) {
        CustomWaitGroup group = player.getGroup();
        int expected = CustomWaitApp.PLAYERS_PER_GROUP;
        if (!player.isArrived()) {
            player.markArrived();
            group.arrive();
        }
        if (group.getNumArrived() >= expected) {
            return Map.of(0, Map.of("type", "all_arrived"));
        }
        return Map.of(0, Map.of("type", "waiting", "arrived", group.getNumArrived(), "expected", expected));
    }

    /** Who has arrived, for a page that opens or reconnects (its own arrival is the page's message). */
    @Override
    public Map<String, Object> liveState(CustomWaitPlayer player) {
        CustomWaitGroup group = player.getGroup();
        int expected = CustomWaitApp.PLAYERS_PER_GROUP;
        return group.getNumArrived() >= expected ? Map.of("type", "all_arrived")
                : Map.of("type", "waiting", "arrived", group.getNumArrived(), "expected", expected);
    }

    @Override
    public Integer timeoutSeconds(CustomWaitPlayer player) {
        Object seconds = sessions.config(player.getParticipant().getSession()).get("wait_timeout_seconds");
        return seconds == null ? 60 : ((Number) seconds).intValue();
    }

    @Override
    public String errorMessage(CustomWaitPlayer player, Map<String, Object> values) {
        return player.getGroup().getNumArrived() >= CustomWaitApp.PLAYERS_PER_GROUP ? null
                : "Please wait until everyone has arrived.";
    }

    @Override
    public void beforeNextPage(CustomWaitPlayer player, boolean timeoutHappened) {
        player.setTimedOut(timeoutHappened);
    }
}
