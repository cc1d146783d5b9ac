package ${package}.${app};

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.ludus.live.Dict;
import org.ludus.live.Live;
import org.ludus.page.Page;
import org.ludus.session.Currency;

/**
 * Each player contributes once, live ({@code liveSend({amount: 40})}); everyone sees the pot grow. The pot is
 * doubled and shared equally when the players go on.
 */
@ApplicationScoped
public class ContributePage extends Page<PublicGoodsPlayer> {

    static final BigDecimal MULTIPLIER = BigDecimal.valueOf(2);

    public record Contribution(@NotNull @PositiveOrZero Currency amount) {
    }

    @Live
    Map<Integer, Object> live(PublicGoodsPlayer player, Contribution message) {
        Currency endowment = endowment(player);
        if (player.contribution != null) {
            return Map.of(player.getIdInGroup(), liveState(player).with("error", "You have contributed already."));
        }
        if (message.amount().isGreaterThan(endowment)) {
            return Map.of(player.getIdInGroup(), liveState(player).with("error", "You can give at most " + endowment
                    + "."));
        }
        player.contribution = message.amount();
        player.getGroup().total = player.getGroup().total.plus(message.amount());
        return Map.of(0, liveState(player));
    }

    /** The pot and how many have contributed, for everyone; the player's own contribution. */
    @Override
    public Dict liveState(PublicGoodsPlayer player) {
        List<PublicGoodsPlayer> players = player.getGroup().getPlayers();
        long contributed = players.stream().filter(p -> p.contribution != null).count();
        return Dict.of("total", player.getGroup().total, "contributed", contributed, "players", players.size(),
                "yours", player.contribution);
    }

    @Override
    public String errorMessage(PublicGoodsPlayer player, Map<String, Object> values) {
        boolean all = player.getGroup().<PublicGoodsPlayer>getPlayers().stream().allMatch(p -> p.contribution != null);
        return all ? null : "Please wait until everyone has contributed.";
    }

    /** Kept what was not given, plus an equal share of the doubled pot. */
    @Override
    public void beforeNextPage(PublicGoodsPlayer player, boolean timeoutHappened) {
        PublicGoodsGroup group = player.getGroup();
        BigDecimal share = MULTIPLIER.divide(BigDecimal.valueOf(group.getPlayers().size()), 10, RoundingMode.HALF_UP);
        player.setPayoff(endowment(player).minus(player.contribution).plus(group.total.times(share)));
    }

    static Currency endowment(PublicGoodsPlayer player) {
        return Currency.of(player.getSession().configNumber("endowment", BigDecimal.valueOf(100)));
    }
}
