package org.ludus.apps.auction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.Map;
import org.ludus.live.Live;
import org.ludus.page.Page;
import org.ludus.session.Currency;

/** The seed's auction: a higher bid becomes the group's highest and is broadcast; a lower one sends nothing. */
@ApplicationScoped
public class BidPage extends Page<AuctionPlayer> {

    /**
     * The seed's {@code liveSend(99)}: a record of one component also takes its value bare, so {@code 99} and
     * {@code {"bid": 99}} both bid 99. A Currency has at most two decimals, so 50.001 is refused before any
     * comparison.
     */
    public record BidMessage(@NotNull @PositiveOrZero Currency bid) {
    }

    @Live
    Map<Integer, Object> live(AuctionPlayer player, BidMessage message) {
        AuctionGroup group = player.getGroup();
        if (!message.bid().isGreaterThan(group.highestBid)) {
            return null;
        }
        group.highestBid = message.bid();
        group.highestBidder = player.getIdInGroup();
        AuctionBid row = new AuctionBid();
        row.bid = message.bid();
        row.saveFor(player);
        return Map.of(0, Map.of("id_in_group", player.getIdInGroup(), "bid", message.bid()));
    }

    /** What the page shows when it opens or reconnects (and the answer to {@code liveSend({})}): every bid so far. */
    @Override
    public Object liveState(AuctionPlayer player) {
        var bids = AuctionBid.ofGroup(AuctionBid.class, player.getGroup()).stream()
                .map(b -> Map.of("id_in_group", b.getPlayer().getIdInGroup(), "bid", b.bid)).toList();
        return Map.of("history", bids, "highest_bid", player.getGroup().highestBid);
    }
}
