package org.ludus.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.Hibernate;
import org.ludus.page.App;
import org.ludus.page.Apps;
import org.ludus.page.Players;

/**
 * What lets an author's entity say {@code group.getPlayers()} or {@code bid.save()} as oTree's models do: the
 * transaction's entity manager, and which player entity belongs to which group entity. Entities are not CDI
 * beans, so they reach this one through {@link CDI#current()}.
 */
@ApplicationScoped
public class Models {

    @PersistenceContext
    EntityManager em;

    @Inject
    Apps apps;

    @Inject
    Players playerQueries;

    private final Map<Class<?>, Class<?>> playerOfGroup = new ConcurrentHashMap<>();

    /** The bean's client proxy, looked up once: group.getPlayers() and save() run on the live path. */
    private static volatile Models current;

    static Models current() {
        Models models = current;
        if (models == null) {
            models = CDI.current().select(Models.class).get();
            current = models;
        }
        return models;
    }

    /** Called, never read as a field: {@code current()} is a CDI proxy, whose own fields are empty. */
    void persist(Object entity) {
        em.persist(entity);
    }

    /** The players of the group, by id in group; each the entity itself (never a lazy proxy). */
    @SuppressWarnings("unchecked")
    <P extends BasePlayer<?>> List<P> playersOf(BaseGroup group) {
        Class<?> groupClass = Hibernate.getClass(group);
        Class<?> playerClass = playerOfGroup.computeIfAbsent(groupClass, type -> apps.all().stream()
                .filter(app -> app.groupClass() == type).map(App::playerClass).findFirst()
                .orElseThrow(() -> new IllegalStateException("no app has the group " + type.getName())));
        List<?> players = em.createQuery("select p from " + playerQueries.entityName(playerClass)
                        + " p where p.group = :group order by p.idInGroup", playerClass)
                .setParameter("group", group)
                .getResultList();
        return players.stream().map(p -> (P) Hibernate.unproxy(p)).toList();
    }

    <T> List<T> rows(Class<T> type, String link, Object owner) {
        return em.createQuery("select e from " + playerQueries.entityName(type) + " e left join fetch"
                        + " e.player where e." + link + " = :owner order by e.id", type)
                .setParameter("owner", owner)
                .getResultList();
    }
}
