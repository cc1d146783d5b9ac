package org.ludus.apps.auction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.stream.Stream;
import org.ludus.export.CustomExport;
import org.ludus.page.App;
import org.ludus.page.Page;
import org.ludus.session.ExperimentSession;
import org.ludus.session.SessionConfig;

@ApplicationScoped
public class AuctionApp implements App, CustomExport {

    @Produces
    static SessionConfig config = SessionConfig.of("auction", "Auction (live bids)", 3, "auction")
            .withCustom(SessionConfig.PLAYERS_PER_GROUP, 3);

    @PersistenceContext
    EntityManager em;

    @Override
    public String name() {
        return "auction";
    }

    @Override
    public int playersPerGroup() {
        return 3;
    }

    @Override
    public List<Class<? extends Page<?>>> pages() {
        return List.of(BidPage.class, ResultsPage.class);
    }

    @Override
    public Class<AuctionGroup> groupClass() {
        return AuctionGroup.class;
    }

    @Override
    public Class<AuctionPlayer> playerClass() {
        return AuctionPlayer.class;
    }

    /** Every accepted bid (oTree's custom_export): GET /api/exports/custom/auction. */
    @Override
    public List<String> customExportHeader() {
        return List.of("session_code", "round_number", "group_id_in_subsession", "id_in_group", "participant_code",
                "bid", "placed_at");
    }

    @Override
    public Stream<Object[]> customExportRows(ExperimentSession session) {
        return em.createQuery("select s.code, g.roundNumber, g.idInSubsession, b.idInGroup, pa.code, b.amount,"
                        + " b.placedAt from AuctionBid b join b.group g join g.subsession ss join ss.session s"
                        + " join AuctionPlayer p on p.group = g and p.idInGroup = b.idInGroup join p.participant pa"
                        + " where s = :session order by g.roundNumber, g.idInSubsession, b.id", Object[].class)
                .setParameter("session", session)
                .setHint("org.hibernate.fetchSize", 1000)
                .getResultStream();
    }
}
