package org.ludus.apps.auction;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import org.ludus.session.BaseGroup;

@Entity
@Table(name = "auction_group")
public class AuctionGroup extends BaseGroup {

    @Column(name = "highest_bid", nullable = false, precision = 19, scale = 2)
    private BigDecimal highestBid = BigDecimal.ZERO;

    @Column(name = "highest_bidder")
    private Integer highestBidder;

    public BigDecimal getHighestBid() {
        return highestBid;
    }

    public Integer getHighestBidder() {
        return highestBidder;
    }

    void takeBid(int idInGroup, BigDecimal bid) {
        highestBid = bid;
        highestBidder = idInGroup;
    }
}
