package org.ludus.page;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Claims expired pages for one timeout sweep, oldest first, in a transaction of its own: the candidates are
 * locked with SKIP LOCKED (a concurrent sweep takes others, it does not wait), then marked claimed until
 * {@code now + PageTimeouts.CLAIM}, which every sweep's query excludes once this commits.
 */
@ApplicationScoped
public class TimeoutClaims {

    @PersistenceContext
    EntityManager em;

    @Transactional
    @SuppressWarnings("unchecked")
    public List<Long> claim(Instant overdue, Instant now, int limit) {
        List<Long> ids = ((List<Number>) em.createNativeQuery("select id from participant where page_expires_at < ?1"
                        + " and (timeout_claimed_until is null or timeout_claimed_until < ?2)"
                        + " order by page_expires_at, id fetch first " + limit + " rows only for update skip locked")
                .setParameter(1, overdue)
                .setParameter(2, now)
                .getResultList()).stream().map(Number::longValue).toList();
        if (!ids.isEmpty()) {
            em.createQuery("update Participant p set p.timeoutClaimedUntil = :until where p.id in :ids")
                    .setParameter("until", now.plus(PageTimeouts.CLAIM))
                    .setParameter("ids", ids)
                    .executeUpdate();
        }
        return ids;
    }
}
