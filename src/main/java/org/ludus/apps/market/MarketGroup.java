package org.ludus.apps.market;

import jakarta.persistence.Entity;
import java.time.Instant;
import org.ludus.export.Doc;
import org.ludus.session.BaseGroup;

/** One market: its counters, under the group's lock. Offers live in the player rows, trades in {@link MarketTrade}. */
@Entity
public class MarketGroup extends BaseGroup {

    /** Offers made so far: each offer's number, which orders offers of the same price in time. */
    @Doc("offers placed in the market so far (each offer's number orders offers in time)")
    public long offerCount;

    /** When the market closes for all its traders (set when the last of them arrives: MarketWaitPage). */
    @Doc("when the market closes (UTC), the same for every trader")
    public Instant closesAt;

    /** Trades so far: each trade's number. */
    @Doc("trades made in the market so far")
    public int tradeCount;
}
