package org.ludus.apps.market;

import jakarta.persistence.Entity;
import org.ludus.export.Doc;
import org.ludus.session.BaseGroup;

/** One market: its counters, under the group's lock. Offers live in the player rows, trades in {@link MarketTrade}. */
@Entity
public class MarketGroup extends BaseGroup {

    /** Offers made so far: each offer's number, which orders offers of the same price in time. */
    @Doc("offers placed in the market so far (each offer's number orders offers in time)")
    public long offerCount;

    /** Trades so far: each trade's number. */
    @Doc("trades made in the market so far")
    public int tradeCount;
}
