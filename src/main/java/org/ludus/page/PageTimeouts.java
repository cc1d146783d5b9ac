package org.ludus.page;

import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ludus.Settings;

/**
 * Enforces page timeouts on the server: every second, participants whose page expired (and whose browser
 * did not submit it) are moved on with timeout_happened, so a closed browser does not stall a group.
 * Expired pages are claimed in batches, oldest first, each claim good for {@link #CLAIM}: a sweep on another
 * node skips what this one claimed, and a page that cannot be expired (its move fails) stays claimed for a
 * while, so it is retried later instead of standing first in every batch. Claimed pages are expired in
 * parallel, each in its own transaction.
 */
@Singleton
public class PageTimeouts {

    private static final Logger LOG = Logger.getLogger(PageTimeouts.class.getName());

    static final int BATCH = Settings.positive("ludus.timeouts.batch", 500);
    static final int PARALLEL = Settings.positive("ludus.timeouts.parallel", 4);
    static final Duration CLAIM = Duration.ofSeconds(Settings.positive("ludus.timeouts.claimSeconds", 30));

    @PersistenceContext
    EntityManager em;

    @Inject
    PageFlow flow;

    @Inject
    TimeoutClaims claims;

    @Resource
    ManagedExecutorService executor;

    @Schedule(second = "*", minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each claim and each expiry in its own
    public void expireOverduePages() {
        // a grace period lets an open browser's own timeout submit (with the form's values) come first
        Instant now = Instant.now();
        Instant overdue = now.minus(PageFlow.CLOCK_TOLERANCE);
        for (int batches = 0; batches < 20; batches++) { // at most 20 batches a second; the next tick goes on
            List<Long> claimed = claims.claim(overdue, now, BATCH);
            expire(claimed, now);
            if (claimed.size() < BATCH) {
                return;
            }
        }
    }

    /** Expires each, up to {@link #PARALLEL} at once; a failure is reported and left claimed (retried later). */
    private void expire(List<Long> participantIds, Instant now) {
        var running = new ArrayList<CompletableFuture<Void>>();
        for (int i = 0; i < PARALLEL && i < participantIds.size(); i++) {
            int first = i;
            running.add(CompletableFuture.runAsync(() -> {
                for (int j = first; j < participantIds.size(); j += PARALLEL) {
                    long id = participantIds.get(j);
                    try {
                        flow.expire(id, now);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "could not expire the page of participant " + id + "; it is tried"
                                + " again in " + CLAIM.toSeconds() + " s", e);
                    }
                }
            }, executor));
        }
        running.forEach(CompletableFuture::join);
    }
}
