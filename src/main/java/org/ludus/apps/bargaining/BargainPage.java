package org.ludus.apps.bargaining;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.util.Map;
import org.ludus.live.Dict;
import org.ludus.live.Live;
import org.ludus.page.Page;

/**
 * Two players split a pie: {type: 'propose', amount} asks for {@code amount} for oneself; {type: 'accept',
 * amount} accepts the other's standing proposal of exactly that amount (so a proposal changed meanwhile is
 * not accepted by mistake). A deal ends the game for both; payoffs follow it.
 */
@ApplicationScoped
public class BargainPage extends Page<BargainingPlayer> {

    /** An amount has the decimals the deal's columns keep (two). */
    public record Offer(String type, @Digits(integer = 17, fraction = 2) BigDecimal amount) {
    }

    @Live
    Map<Integer, Object> live(BargainingPlayer player, Offer offer) {
        BargainingGroup group = player.getGroup();
        int me = player.getIdInGroup();
        BigDecimal pie = pie(player);
        if (group.isDeal()) {
            return Map.of(me, liveState(player));
        }
        if ("propose".equals(offer.type())) {
            if (offer.amount() == null || offer.amount().signum() < 0 || offer.amount().compareTo(pie) > 0) {
                return Map.of(me, Dict.of("type", "error", "message", "Propose an amount from 0 to " + pie + "."));
            }
            group.propose(me, offer.amount());
            return Map.of(0, proposals(group).with("type", "proposal", "from", me));
        }
        if ("accept".equals(offer.type())) {
            BigDecimal standing = group.proposalOf(3 - me);
            if (standing == null || offer.amount() == null || standing.compareTo(offer.amount()) != 0) {
                return Map.of(me, Dict.of("type", "error",
                        "message", "There is no standing proposal of that amount to accept."));
            }
            group.dealProposer = 3 - me;
            group.dealAmount = standing;
            return Map.of(0, liveState(player));
        }
        return Map.of(me, Dict.of("type", "error", "message", "Unknown message type."));
    }

    /** The deal, or the standing proposals, for a page that opens or reconnects (and for {@code liveSend({})}). */
    @Override
    public Dict liveState(BargainingPlayer player) {
        BargainingGroup group = player.getGroup();
        return group.isDeal() ? Dict.of("type", "deal", "proposer", group.dealProposer, "amount", group.dealAmount,
                "pie", pie(player)) : proposals(group);
    }

    private static Dict proposals(BargainingGroup group) {
        return Dict.of("type", "proposals", "proposal_1", group.proposal1, "proposal_2", group.proposal2);
    }

    static BigDecimal pie(BargainingPlayer player) {
        return player.getSession().configNumber("pie", BigDecimal.valueOf(100));
    }

    @Override
    public Map<String, Object> varsForTemplate(BargainingPlayer player) {
        return Map.of("pie", pie(player));
    }

    @Override
    public String errorMessage(BargainingPlayer player, Map<String, Object> values) {
        return player.getGroup().isDeal() ? null : "You can go on once you have made a deal.";
    }

    /** The proposer gets the agreed amount, the other the rest of the pie. */
    @Override
    public void beforeNextPage(BargainingPlayer player, boolean timeoutHappened) {
        BargainingGroup group = player.getGroup();
        if (group.isDeal()) {
            BigDecimal amount = group.dealAmount;
            player.setPayoff(player.getIdInGroup() == group.dealProposer ? amount : pie(player).subtract(amount));
        }
    }
}
