package org.ludus.testapps.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.ludus.export.CustomExport;
import org.ludus.page.App;
import org.ludus.page.Page;
import org.ludus.session.ExperimentSession;
import org.ludus.session.SessionConfig;
import org.ludus.session.Sessions;

/**
 * A test app for the exports: two rounds, player and group fields of every kind, a live page whose every
 * message moves tokens (so a torn export shows as sums that do not add up), and a custom export that can be
 * told to fail half-way ({@code fail_export_after}: that many filler rows, then an exception).
 */
@ApplicationScoped
public class LedgerApp implements App, CustomExport {

    /** With the auction after it: a multi-app, multi-round config for the golden headers. */
    @Produces
    static SessionConfig mix = SessionConfig.of("ledger_mix", "Ledger, then auction (tests only)", 6, "ledger",
            "auction").withCustom("fail_export_after", 0).withCustom("zeta_label", "last");

    @PersistenceContext
    EntityManager em;

    @Inject
    Sessions sessions;

    @Override
    public String name() {
        return "ledger";
    }

    @Override
    public int playersPerGroup() {
        return 2;
    }

    @Override
    public int numRounds() {
        return 2;
    }

    @Override
    public List<Class<? extends Page<?>>> pages() {
        return List.of(LedgerPage.class);
    }

    @Override
    public Class<LedgerGroup> groupClass() {
        return LedgerGroup.class;
    }

    @Override
    public Class<LedgerPlayer> playerClass() {
        return LedgerPlayer.class;
    }

    @Override
    public List<String> customExportHeader() {
        return List.of("session_code", "round_number", "id_in_group", "tokens");
    }

    @Override
    public Stream<Object[]> customExportRows(ExperimentSession session) {
        Stream<Object[]> rows = em.createQuery("select s.code, p.roundNumber, p.idInGroup, p.tokens from LedgerPlayer p"
                        + " join p.subsession ss join ss.session s where s = :session order by p.id", Object[].class)
                .setParameter("session", session).getResultStream();
        int failAfter = ((Number) sessions.config(session).get("fail_export_after")).intValue();
        if (failAfter <= 0) {
            return rows;
        }
        return Stream.concat(rows, IntStream.rangeClosed(1, failAfter).mapToObj(i -> {
            if (i == failAfter) {
                throw new IllegalStateException("failing on purpose, half-way through the file");
            }
            return new Object[] {"filler", i, 0, 0};
        }));
    }
}
