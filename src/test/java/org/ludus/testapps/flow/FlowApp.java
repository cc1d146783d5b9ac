package org.ludus.testapps.flow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.List;
import org.ludus.page.App;
import org.ludus.page.Page;
import org.ludus.session.SessionConfig;

/** A test app for the page flow: forms, a wait page, two rounds, a page shown only in round 1, a timeout. */
@ApplicationScoped
public class FlowApp implements App {

    @Produces
    static SessionConfig flow = SessionConfig.of("flow", "Flow (tests only)", 4, "flow", "matching")
            .withCustom("contribute_timeout", 0);

    @Produces
    static SessionConfig timeout = SessionConfig.of("flow_timeout", "Flow with a timeout (tests only)", 2, "flow")
            .withCustom("contribute_timeout", 2);

    @Override
    public String name() {
        return "flow";
    }

    @Override
    public int playersPerGroup() {
        return 2;
    }

    @Override
    public int numRounds() {
        return 2;
    }

    @Override
    public List<Class<? extends Page<?>>> pages() {
        return List.of(ContributePage.class, ResultsWaitPage.class, ResultsPage.class);
    }

    @Override
    public Class<FlowGroup> groupClass() {
        return FlowGroup.class;
    }

    @Override
    public Class<FlowPlayer> playerClass() {
        return FlowPlayer.class;
    }
}
