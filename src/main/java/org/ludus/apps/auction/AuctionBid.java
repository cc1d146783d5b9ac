package org.ludus.apps.auction;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** One accepted bid (oTree's ExtraModel): the bid history a page shows on load. */
@Entity
@Table(name = "auction_bid", indexes = @Index(name = "auction_bid_group_idx", columnList = "group_id")) // history
@NamedQuery(name = "AuctionBid.ofGroup", query = "select b from AuctionBid b where b.group = :group order by b.id")
public class AuctionBid {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "group_id")
    private AuctionGroup group;

    @Column(name = "id_in_group", nullable = false)
    private int idInGroup;

    @Column(nullable = false, precision = 19, scale = 2)
    private BigDecimal amount;

    @Column(name = "placed_at", nullable = false)
    private Instant placedAt;

    protected AuctionBid() {
    }

    AuctionBid(AuctionGroup group, int idInGroup, BigDecimal amount) {
        this.group = group;
        this.idInGroup = idInGroup;
        this.amount = amount;
        this.placedAt = Instant.now();
    }

    public int getIdInGroup() {
        return idInGroup;
    }

    public BigDecimal getAmount() {
        return amount;
    }
}
