package org.ludus.testapps.stall;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.List;
import org.ludus.page.App;
import org.ludus.page.Page;
import org.ludus.session.SessionConfig;

/**
 * A test app for the timeout sweep: a page that times out after a second; with {@code poison}, leaving it
 * fails (a page the server cannot expire), so the sweep must go past such participants to the others.
 */
@ApplicationScoped
public class StallApp implements App {

    @Produces
    static SessionConfig config = SessionConfig.of("stall", "Stall (tests only)", 2, "stall").withCustom("poison", false);

    @Override
    public String name() {
        return "stall";
    }

    @Override
    public int playersPerGroup() {
        return 1;
    }

    @Override
    public List<Class<? extends Page<?>>> pages() {
        return List.of(StallPage.class, StallDonePage.class);
    }

    @Override
    public Class<StallGroup> groupClass() {
        return StallGroup.class;
    }

    @Override
    public Class<StallPlayer> playerClass() {
        return StallPlayer.class;
    }
}
