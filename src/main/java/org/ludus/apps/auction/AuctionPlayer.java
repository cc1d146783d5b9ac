package org.ludus.apps.auction;

import jakarta.persistence.Entity;
import org.ludus.session.BasePlayer;

@Entity
public class AuctionPlayer extends BasePlayer<AuctionGroup> {
}
