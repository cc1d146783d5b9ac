package org.ludus.testapps.flow;

import jakarta.enterprise.context.ApplicationScoped;
import org.ludus.page.Page;

@ApplicationScoped
public class ResultsPage extends Page<FlowPlayer> {

    /** Shown in round 1 only: round 2 skips it. */
    @Override
    public boolean isDisplayed(FlowPlayer player) {
        return player.getRoundNumber() == 1;
    }
}
