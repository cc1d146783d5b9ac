package org.ludus.testapps.regroup;

import jakarta.enterprise.context.ApplicationScoped;
import org.ludus.page.WaitPage;

@ApplicationScoped
public class RegroupWaitPage extends WaitPage<RegroupPlayer, RegroupGroup> {

    @Override
    public boolean groupByArrivalTime() {
        return true;
    }

    @Override
    public void afterAllPlayersArrive(RegroupGroup group) {
        group.form();
    }
}
