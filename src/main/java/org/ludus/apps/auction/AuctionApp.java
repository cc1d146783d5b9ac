package org.ludus.apps.auction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.List;
import org.ludus.page.App;
import org.ludus.page.Page;
import org.ludus.session.SessionConfig;

@ApplicationScoped
public class AuctionApp implements App {

    @Produces
    static SessionConfig config = SessionConfig.of("auction", "Auction (live bids)", 3, "auction")
            .withCustom(SessionConfig.PLAYERS_PER_GROUP, 3);

    @Override
    public String name() {
        return "auction";
    }

    @Override
    public int playersPerGroup() {
        return 3;
    }

    @Override
    public List<Class<? extends Page<?>>> pages() {
        return List.of(BidPage.class, ResultsPage.class);
    }

    @Override
    public Class<AuctionGroup> groupClass() {
        return AuctionGroup.class;
    }

    @Override
    public Class<AuctionPlayer> playerClass() {
        return AuctionPlayer.class;
    }
}
