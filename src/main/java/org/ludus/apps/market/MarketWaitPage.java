package org.ludus.apps.market;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The market opens for all its traders at once: when the last one arrives, the market's closing time is set,
 * and every trader's page times out then (oTree's after_all_players_arrive with a group-wide expiry).
 */
@ApplicationScoped
public class MarketWaitPage extends org.ludus.page.WaitPage<MarketPlayer, MarketGroup> {

    @Override
    public void afterAllPlayersArrive(MarketGroup group) {
        int seconds = MarketApp.number(group.getPlayers().get(0).getSession(), "round_seconds");
        group.closesAt = Instant.now().plusSeconds(seconds);
    }

    @Override
    public String bodyText() {
        return "The market opens when every trader is here.";
    }
}
