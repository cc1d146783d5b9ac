package org.ludus.apps.market;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.ludus.page.BaseApp;
import org.ludus.session.Currency;
import org.ludus.session.ExperimentSession;
import org.ludus.session.SessionConfig;
import org.ludus.session.SessionCreationException;
import org.ludus.session.Subsession;

/**
 * A double auction: one market per round, {@code num_buyers} buyers (ids 1 to num_buyers) and {@code num_sellers}
 * sellers (the ids after them), by default 4 and 4. Each trader has {@code units_per_trader} units. A buyer's value
 * per unit and a seller's cost per unit are drawn when the session is created, uniformly in whole points from
 * {@code value_min}–{@code value_max} and {@code cost_min}–{@code cost_max}, and stored in the player row
 * ({@code unit_limits}): a buyer's values highest first, a seller's costs lowest first (units are traded in that
 * order). Trading rules: {@link OrderBook}; the live page: {@link MarketPage}; the market opens when every trader
 * has arrived ({@link MarketWaitPage}) and closes {@code round_seconds} later for all of them, enforced by the
 * server; the results page is only a template.
 */
@ApplicationScoped
public class MarketApp extends BaseApp<MarketGroup, MarketPlayer> {

    @Produces
    static SessionConfig config = SessionConfig.of("market", "Double auction market", 8, "market")
            .withCustom("num_buyers", 4, 1, 50)
            .withCustom("num_sellers", 4, 1, 50)
            .withCustom("units_per_trader", 3, 1, 20)
            .withCustom("value_min", 40, 0, 100_000)
            .withCustom("value_max", 100, 0, 100_000)
            .withCustom("cost_min", 20, 0, 100_000)
            .withCustom("cost_max", 80, 0, 100_000)
            .withCustom("round_seconds", 120, 5, 3600);

    @PersistenceContext
    EntityManager em;

    public MarketApp() {
        super(0, MarketWaitPage.class, MarketPage.class, "ResultsPage"); // 0: everyone in one market, unless players_per_group says
    }

    static int number(ExperimentSession session, String key) {
        Object declared = config.custom().get(key);
        return session.configNumber(key, BigDecimal.valueOf(((Number) declared).longValue())).intValue();
    }

    @Override
    public void creatingSession(Subsession subsession) {
        ExperimentSession session = subsession.getSession();
        int buyers = number(session, "num_buyers");
        int sellers = number(session, "num_sellers");
        int units = number(session, "units_per_trader");
        int valueMin = number(session, "value_min");
        int valueMax = number(session, "value_max");
        int costMin = number(session, "cost_min");
        int costMax = number(session, "cost_max");
        if (valueMin > valueMax || costMin > costMax) {
            throw new SessionCreationException("value_min must not exceed value_max, nor cost_min cost_max");
        }
        List<MarketGroup> groups = em.createQuery("select g from MarketGroup g where g.subsession = :subsession"
                + " order by g.idInSubsession", MarketGroup.class).setParameter("subsession", subsession)
                .getResultList();
        for (MarketGroup group : groups) {
            List<MarketPlayer> players = group.getPlayers();
            if (players.size() != buyers + sellers) {
                throw new SessionCreationException("a market has num_buyers + num_sellers = " + (buyers + sellers)
                        + " traders, not " + players.size() + ": num_participants (or players_per_group) must be "
                        + (buyers + sellers) + " per market");
            }
            for (MarketPlayer player : players) {
                boolean buyer = player.getIdInGroup() <= buyers;
                player.role = buyer ? MarketPlayer.BUYER : MarketPlayer.SELLER;
                player.unitLimits = draw(units, buyer ? valueMin : costMin, buyer ? valueMax : costMax, buyer);
            }
        }
    }

    /** {@code units} whole amounts from min to max: highest first for a buyer, lowest first for a seller. */
    static String draw(int units, int min, int max, boolean buyer) {
        var drawn = new ArrayList<Currency>();
        for (int i = 0; i < units; i++) {
            drawn.add(Currency.of(ThreadLocalRandom.current().nextInt(min, max + 1)));
        }
        drawn.sort(buyer ? Comparator.reverseOrder() : Comparator.naturalOrder());
        return drawn.stream().map(Currency::toString).collect(Collectors.joining(" "));
    }
}
