package org.ludus.apps.auction;

import jakarta.persistence.Entity;
import java.time.Instant;
import org.ludus.session.Currency;
import org.ludus.session.ExtraModel;

/** One accepted bid (an ExtraModel: linked to group and player, indexed, in the auction's custom export). */
@Entity
public class AuctionBid extends ExtraModel<AuctionGroup, AuctionPlayer> {
    public Currency bid;
    public Instant placedAt = Instant.now();
}
