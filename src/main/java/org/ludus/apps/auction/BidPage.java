package org.ludus.apps.auction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.ludus.live.Live;
import org.ludus.page.Page;

/** The seed's auction: a higher bid becomes the group's highest and is broadcast; a lower one sends nothing. */
@ApplicationScoped
public class BidPage extends Page<AuctionPlayer> {

    /**
     * {@code {"bid": 12.5}} bids; {@code {}} asks for the history (as oTree pages do on load). A bid has the
     * decimals the bid column keeps (two): 50.001 is refused, not compared unrounded and stored rounded.
     */
    public record BidMessage(@DecimalMin("0") @Digits(integer = 17, fraction = 2) BigDecimal bid) {
    }

    @PersistenceContext
    EntityManager em;

    @Live
    Map<Integer, Object> live(AuctionPlayer player, BidMessage message) {
        AuctionGroup group = player.getGroup();
        int me = player.getIdInGroup();
        if (message.bid() == null) {
            return Map.of(me, history(group));
        }
        if (message.bid().compareTo(group.getHighestBid()) > 0) {
            group.takeBid(me, message.bid());
            em.persist(new AuctionBid(group, me, message.bid()));
            return Map.of(0, Map.of("id_in_group", me, "bid", message.bid()));
        }
        return null;
    }

    /** A page that opens or reconnects gets the history. */
    @Override
    public Object liveState(AuctionPlayer player) {
        return history(player.getGroup());
    }

    private Map<String, Object> history(AuctionGroup group) {
        List<Map<String, Object>> bids = em.createNamedQuery("AuctionBid.ofGroup", AuctionBid.class)
                .setParameter("group", group)
                .getResultStream()
                .map(bid -> Map.<String, Object>of("id_in_group", bid.getIdInGroup(), "bid", bid.getAmount()))
                .toList();
        return Map.of("history", bids, "highest_bid", group.getHighestBid());
    }
}
