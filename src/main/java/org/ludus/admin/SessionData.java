package org.ludus.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Transient;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.ludus.page.App;
import org.ludus.page.Apps;
import org.ludus.page.Players;
import org.ludus.session.BaseGroup;
import org.ludus.session.BasePlayer;
import org.ludus.session.ExperimentSession;
import org.ludus.session.Sessions;

/**
 * The data tab: per app and round, one row per player with the app's own player and group fields, found by
 * reflection on the app's entities (so a new field shows up without touching the admin).
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

    /** Call inside a transaction (lazy groups and participants are read). */
    public List<Table> tables(ExperimentSession session) {
        var tables = new ArrayList<Table>();
        @SuppressWarnings("unchecked")
        Collection<String> appNames = (Collection<String>) sessions.config(session).get("app_sequence");
        for (String appName : appNames) {
            App app = apps.byName(appName);
            List<Field> playerFields = ownFields(app.playerClass(), BasePlayer.class);
            List<Field> groupFields = ownFields(app.groupClass(), BaseGroup.class);
            var columns = new ArrayList<>(List.of("participant", "code", "label", "group", "id_in_group", "payoff"));
            playerFields.forEach(f -> columns.add("player." + f.getName()));
            groupFields.forEach(f -> columns.add("group." + f.getName()));
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
                            player.getParticipant().getCode(), String.valueOf(nullToEmpty(player.getParticipant().getLabel())),
                            player.getGroup().getIdInSubsession(), player.getIdInGroup(), player.getPayoff()));
                    playerFields.forEach(f -> row.add(read(f, player)));
                    groupFields.forEach(f -> row.add(read(f, player.getGroup())));
                    rows.add(row);
                }
                tables.add(new Table(appName, round, columns, rows));
            }
        }
        return tables;
    }

    /** The app's own persistent, non-relationship fields, from the entity up to (not including) the base class. */
    static List<Field> ownFields(Class<?> type, Class<?> base) {
        var chain = new ArrayList<Class<?>>();
        for (Class<?> c = type; c != null && c != base && c != Object.class; c = c.getSuperclass()) {
            chain.add(0, c);
        }
        var fields = new ArrayList<Field>();
        for (Class<?> c : chain) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()
                        || field.isAnnotationPresent(Transient.class) || !simple(field.getType())) {
                    continue;
                }
                field.setAccessible(true);
                fields.add(field);
            }
        }
        return fields;
    }

    private static boolean simple(Class<?> type) {
        return type.isPrimitive() || type.isEnum() || Number.class.isAssignableFrom(type) || type == String.class
                || type == Boolean.class || type == Character.class || type.getName().startsWith("java.time.");
    }

    private static Object read(Field field, Object target) {
        try {
            Object value = field.get(org.hibernate.Hibernate.unproxy(target));
            return value == null ? "" : value;
        } catch (IllegalAccessException e) {
            return "?";
        }
    }

    private static Object nullToEmpty(Object value) {
        return value == null ? "" : value;
    }
}
