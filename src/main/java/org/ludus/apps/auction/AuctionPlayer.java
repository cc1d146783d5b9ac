package org.ludus.apps.auction;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.ludus.session.BasePlayer;

@Entity
@Table(name = "auction_player")
public class AuctionPlayer extends BasePlayer<AuctionGroup> {
}
