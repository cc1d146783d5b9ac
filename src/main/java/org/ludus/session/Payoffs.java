package org.ludus.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.ludus.page.App;
import org.ludus.page.Apps;
import org.ludus.page.Players;

/** Participants' payoffs: the sum of their players' payoffs over all apps and rounds. */
@ApplicationScoped
public class Payoffs {

    @PersistenceContext
    EntityManager em;

    @Inject
    Apps apps;

    @Inject
    Players players;

    @Inject
    SessionConfigs configs;

    @Inject
    Sessions sessions;

    /** Points per participant id. */
    public Map<Long, BigDecimal> inPoints(ExperimentSession session) {
        var points = new HashMap<Long, BigDecimal>();
        SessionConfig config = configs.find(session.getConfigName()).orElseThrow();
        for (String appName : config.appSequence()) {
            App app = apps.byName(appName);
            em.createQuery("select p.participant.id, sum(p.payoff) from " + players.entityName(app.playerClass())
                            + " p where p.subsession.session = :session group by p.participant.id", Object[].class)
                    .setParameter("session", session)
                    .getResultList()
                    .forEach(row -> points.merge((Long) row[0], row[1] == null ? BigDecimal.ZERO
                            : (BigDecimal) row[1], BigDecimal::add));
        }
        return points;
    }

    /** Real-world currency per participant id: points times the session's rate (the fee is not included). */
    public Map<Long, BigDecimal> inRealWorldCurrency(ExperimentSession session) {
        BigDecimal rate = new BigDecimal(String.valueOf(
                sessions.config(session).get(SessionConfig.REAL_WORLD_CURRENCY_PER_POINT)));
        var money = new HashMap<Long, BigDecimal>();
        inPoints(session).forEach((id, points) -> money.put(id, points.multiply(rate)));
        return money;
    }
}
