package org.ludus.page;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Enforces page timeouts on the server: every second, participants whose page expired (and whose browser
 * did not submit it) are moved on with timeout_happened, so a closed browser does not stall a group.
 */
@Singleton
public class PageTimeouts {

    private static final Logger LOG = Logger.getLogger(PageTimeouts.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    PageFlow flow;

    @Schedule(second = "*", minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each participant in its own transaction
    public void expireOverduePages() {
        // a grace period lets an open browser's own timeout submit (with the form's values) come first
        Instant now = Instant.now();
        Instant overdue = now.minus(PageFlow.CLOCK_TOLERANCE);
        for (Long participantId : em.createQuery("select p.id from Participant p where p.pageExpiresAt < :overdue",
                Long.class).setParameter("overdue", overdue).setMaxResults(500).getResultList()) {
            try {
                flow.expire(participantId, now);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not expire the page of participant " + participantId, e);
            }
        }
    }
}
