package org.ludus.apps.auction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.ludus.page.BaseApp;
import org.ludus.session.SessionConfig;

/** The seed's auction: groups of 3 bid live; the results page is only a template. */
@ApplicationScoped
public class AuctionApp extends BaseApp<AuctionGroup, AuctionPlayer> {

    @Produces
    static SessionConfig config = SessionConfig.of("auction", "Auction (live bids)", 3, "auction");

    public AuctionApp() {
        super(3, BidPage.class, "ResultsPage");
    }
}
