package org.ludus.apps.auction;

import jakarta.enterprise.context.ApplicationScoped;
import org.ludus.page.Page;

@ApplicationScoped
public class ResultsPage extends Page<AuctionPlayer> {
}
