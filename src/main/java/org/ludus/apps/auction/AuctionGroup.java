package org.ludus.apps.auction;

import jakarta.persistence.Entity;
import org.ludus.session.BaseGroup;
import org.ludus.session.Currency;

@Entity
public class AuctionGroup extends BaseGroup {
    public Currency highestBid = Currency.ZERO;
    public Integer highestBidder;
}
