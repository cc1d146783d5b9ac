package org.ludus.apps.market;

import jakarta.persistence.Entity;
import java.util.Arrays;
import java.util.List;
import org.ludus.export.Doc;
import org.ludus.session.BasePlayer;
import org.ludus.session.Currency;

/**
 * A trader: a buyer with a value per unit, or a seller with a cost per unit, drawn when the session is created
 * ({@link MarketApp#creatingSession}) and stored here, so a restart or an export sees the same ones. Their
 * standing offer is stored here too (at most one per trader).
 */
@Entity
public class MarketPlayer extends BasePlayer<MarketGroup> {

    public static final String BUYER = "buyer";
    public static final String SELLER = "seller";

    @Doc("buyer or seller")
    public String role;

    /** The values (buyer, highest first) or costs (seller, lowest first) of the trader's units, e.g. "90.00 75.00". */
    @Doc("the value (buyer) or cost (seller) of each unit, in the order they are traded, separated by spaces")
    public String unitLimits;

    @Doc("units bought or sold so far")
    public int unitsTraded;

    @Doc("the trader's standing bid or ask; empty if none")
    public Currency offerPrice;

    /** The group's number of the standing offer (its place in time); null if none. */
    @Doc("the market's number of the standing offer; empty if none")
    public Long offerNumber;

    public boolean isBuyer() {
        return BUYER.equals(role);
    }

    public List<Currency> limitList() {
        return unitLimits == null || unitLimits.isBlank() ? List.of()
                : Arrays.stream(unitLimits.trim().split(" ")).map(Currency::of).toList();
    }

    public int units() {
        return limitList().size();
    }

    public int unitsLeft() {
        return units() - unitsTraded;
    }

    /** The value or cost of the next unit; null when none is left. */
    public Currency nextLimit() {
        List<Currency> all = limitList();
        return unitsTraded < all.size() ? all.get(unitsTraded) : null;
    }

    void clearOffer() {
        offerPrice = null;
        offerNumber = null;
    }

    OrderBook.Offer offer() {
        return offerPrice == null ? null : new OrderBook.Offer(getIdInGroup(), isBuyer(), offerPrice, offerNumber);
    }
}
