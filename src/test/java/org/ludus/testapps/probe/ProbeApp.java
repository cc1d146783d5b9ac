package org.ludus.testapps.probe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.List;
import org.ludus.page.App;
import org.ludus.page.Page;
import org.ludus.session.SessionConfig;

/** A test app whose live method does what the message asks, including failing on purpose. */
@ApplicationScoped
public class ProbeApp implements App {

    @Produces
    static SessionConfig config = SessionConfig.of("probe", "Probe (tests only)", 3, "probe");

    /** One group of as many as the session has (a crowd loading one page). */
    @Produces
    static SessionConfig crowd = SessionConfig.of("probe_crowd", "Probe, one group (tests only)", 3, "probe")
            .withCustom(SessionConfig.PLAYERS_PER_GROUP, 0);

    @Override
    public String name() {
        return "probe";
    }

    @Override
    public int playersPerGroup() {
        return 3;
    }

    @Override
    public List<Class<? extends Page<?>>> pages() {
        return List.of(ProbePage.class, QuietPage.class);
    }

    @Override
    public Class<ProbeGroup> groupClass() {
        return ProbeGroup.class;
    }

    @Override
    public Class<ProbePlayer> playerClass() {
        return ProbePlayer.class;
    }
}
