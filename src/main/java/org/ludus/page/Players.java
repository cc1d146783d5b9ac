package org.ludus.page;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.ludus.session.BasePlayer;
import org.ludus.session.Participant;

/** Finds app players; each app has its own player table, so queries name the app's entity. */
@ApplicationScoped
public class Players {

    @PersistenceContext
    EntityManager em;

    /** The participant's player in the app and round of that page. */
    public BasePlayer<?> of(Participant participant, PageRef page) {
        return em.createQuery("select p from " + entityName(page.app().playerClass())
                        + " p where p.participant = :participant and p.roundNumber = :round", BasePlayer.class)
                .setParameter("participant", participant)
                .setParameter("round", page.round())
                .getSingleResult();
    }

    /** (player id, group id) of the participant in the app and round of that page, without loading either. */
    public long[] idsOf(long participantId, PageRef page) {
        Object[] row = em.createQuery("select p.id, p.group.id from " + entityName(page.app().playerClass())
                        + " p where p.participant.id = :participant and p.roundNumber = :round", Object[].class)
                .setParameter("participant", participantId)
                .setParameter("round", page.round())
                .getSingleResult();
        return new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
    }

    public String entityName(Class<?> entity) {
        return em.getMetamodel().entity(entity).getName();
    }
}
