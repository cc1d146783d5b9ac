package org.ludus.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.ludus.page.AppTables;
import org.ludus.page.AppTables.AppField;
import org.ludus.page.App;
import org.ludus.page.Apps;
import org.ludus.page.Players;
import org.ludus.session.BasePlayer;
import org.ludus.session.ExperimentSession;
import org.ludus.session.Sessions;

/**
 * The data tab: per app and round, one row per player with the app's own player and group fields, named by
 * their database columns as the exports name them ({@link AppTables}), so a new field shows up by itself.
 */
@ApplicationScoped
public class SessionData {

    public record Table(String app, int round, List<String> columns, List<List<Object>> rows) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Sessions sessions;

    @Inject
    Apps apps;

    @Inject
    Players players;

    @Inject
    AppTables appTables;

    /** Call inside a transaction (lazy groups and participants are read). */
    public List<Table> tables(ExperimentSession session) {
        var tables = new ArrayList<Table>();
        @SuppressWarnings("unchecked")
        Collection<String> appNames = (Collection<String>) sessions.config(session).get("app_sequence");
        for (String appName : appNames) {
            App app = apps.byName(appName);
            List<AppField> playerFields = appTables.players(app).fields();
            List<AppField> groupFields = appTables.groups(app).fields();
            var columns = new ArrayList<>(List.of("participant", "code", "label", "group", "id_in_group", "payoff"));
            playerFields.forEach(f -> columns.add("player." + f.column()));
            groupFields.forEach(f -> columns.add("group." + f.column()));
            List<? extends BasePlayer<?>> all = em.createQuery("select p from " + players.entityName(app.playerClass())
                            + " p where p.subsession.session = :session"
                            + " order by p.roundNumber, p.participant.idInSession", app.playerClass())
                    .setParameter("session", session).getResultList();
            for (int round = 1; round <= app.numRounds(); round++) {
                var rows = new ArrayList<List<Object>>();
                for (BasePlayer<?> player : all) {
                    if (player.getRoundNumber() != round) {
                        continue;
                    }
                    var row = new ArrayList<Object>(List.of(player.getParticipant().getIdInSession(),
                            player.getParticipant().getCode(), nullToEmpty(player.getParticipant().getLabel()),
                            player.getGroup().getIdInSubsession(), player.getIdInGroup(), player.getPayoff()));
                    playerFields.forEach(f -> row.add(nullToEmpty(f.read(player))));
                    groupFields.forEach(f -> row.add(nullToEmpty(f.read(player.getGroup()))));
                    rows.add(row);
                }
                tables.add(new Table(appName, round, columns, rows));
            }
        }
        return tables;
    }

    private static Object nullToEmpty(Object value) {
        return value == null ? "" : value;
    }
}
