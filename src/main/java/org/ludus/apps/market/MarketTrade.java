package org.ludus.apps.market;

import jakarta.persistence.Entity;
import java.time.Instant;
import org.ludus.export.Doc;
import org.ludus.session.Currency;
import org.ludus.session.ExtraModel;

/**
 * One trade (an ExtraModel: linked to the group and to the player whose offer made it, indexed, and the market's
 * custom export). Its {@code seq} is the group's number of the live message that made it, as in the live log.
 */
@Entity
public class MarketTrade extends ExtraModel<MarketGroup, MarketPlayer> {

    @Doc("the market's trade number: 1, 2, 3, … in the order trades happened")
    public int tradeNumber;

    @Doc("the seq of the live message that made the trade (live_log.seq of the group)")
    public long seq;

    @Doc("id in group of the buyer")
    public int buyer;

    @Doc("id in group of the seller")
    public int seller;

    @Doc("the price: that of the standing offer, which was in the book first")
    public Currency price;

    @Doc("the buyer's value of the unit traded")
    public Currency buyerValue;

    @Doc("the seller's cost of the unit traded")
    public Currency sellerCost;

    @Doc("when the trade was made (the live method's time)")
    public Instant tradedAt = Instant.now();
}
