package org.ludus.testapps.flow;

import jakarta.enterprise.context.ApplicationScoped;
import org.ludus.page.WaitPage;

@ApplicationScoped
public class ArrivalWaitPage extends WaitPage<MatchingPlayer, MatchingGroup> {

    @Override
    public boolean groupByArrivalTime() {
        return true;
    }
}
