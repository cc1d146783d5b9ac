package org.ludus.apps.bargaining;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.ludus.live.Live;
import org.ludus.page.Page;
import org.ludus.session.Sessions;

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

    @Inject
    Sessions sessions;

    @Live
    Map<Integer, Object> live(BargainingPlayer player, Offer offer) {
        BargainingGroup group = player.getGroup();
        int me = player.getIdInGroup();
        int other = player.getOtherId();
        BigDecimal pie = pie(player);
        if (group.isDeal()) {
            return Map.of(me, deal(group, pie));
        }
        if (offer.type() == null) { // the page's load: the standing proposals
            return Map.of(me, proposals(group));
        }
        switch (offer.type()) {
            case "propose" -> {
                if (offer.amount() == null || offer.amount().signum() < 0 || offer.amount().compareTo(pie) > 0) {
                    return Map.of(me, Map.of("type", "error", "message", "Propose an amount from 0 to " + pie + "."));
                }
                group.propose(me, offer.amount());
                var news = new HashMap<>(proposals(group));
                news.put("type", "proposal");
                news.put("from", me);
                return Map.of(0, news);
            }
            case "accept" -> {
                BigDecimal standing = group.proposalOf(other);
                if (standing == null || offer.amount() == null || standing.compareTo(offer.amount()) != 0) {
                    return Map.of(me, Map.of("type", "error",
                            "message", "There is no standing proposal of that amount to accept."));
                }
                group.settle(other, standing);
                return Map.of(0, deal(group, pie));
            }
            default -> {
                return Map.of(me, Map.of("type", "error", "message", "Unknown message type."));
            }
        }
    }

    /** The deal, or the standing proposals, for a page that opens or reconnects. */
    @Override
    public Map<String, Object> liveState(BargainingPlayer player) {
        BargainingGroup group = player.getGroup();
        return group.isDeal() ? deal(group, pie(player)) : proposals(group);
    }

    private static Map<String, Object> proposals(BargainingGroup group) {
        var state = new HashMap<String, Object>();
        state.put("type", "proposals");
        state.put("proposal_1", group.proposalOf(1));
        state.put("proposal_2", group.proposalOf(2));
        return state;
    }

    private static Map<String, Object> deal(BargainingGroup group, BigDecimal pie) {
        return Map.of("type", "deal", "proposer", group.getDealProposer(), "amount", group.getDealAmount(),
                "pie", pie);
    }

    BigDecimal pie(BargainingPlayer player) {
        Object pie = sessions.config(player.getParticipant().getSession()).get("pie");
        return new BigDecimal(String.valueOf(pie == null ? 100 : pie));
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
            BigDecimal amount = group.getDealAmount();
            player.setPayoff(player.getIdInGroup() == group.getDealProposer() ? amount : pie(player).subtract(amount));
        }
    }
}
