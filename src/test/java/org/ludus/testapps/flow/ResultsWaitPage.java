package org.ludus.testapps.flow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.ludus.page.WaitPage;

@ApplicationScoped
public class ResultsWaitPage extends WaitPage<FlowPlayer, FlowGroup> {

    @PersistenceContext
    EntityManager em;

    @Override
    public void afterAllPlayersArrive(FlowGroup group) {
        Long total = em.createQuery("select coalesce(sum(p.contribution), 0) from FlowPlayer p where p.group = :g",
                Long.class).setParameter("g", group).getSingleResult();
        group.release(total.intValue());
    }
}
