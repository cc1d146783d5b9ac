package org.ludus.testapps.regroup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.List;
import org.ludus.page.App;
import org.ludus.page.Page;
import org.ludus.session.SessionConfig;

/**
 * A live page before a grouping-by-arrival wait page in the same round: players still talking on the live
 * page are regrouped by others' arrivals, under their open sockets.
 */
@ApplicationScoped
public class RegroupApp implements App {

    @Produces
    static SessionConfig config = SessionConfig.of("regroup", "Regroup (tests only)", 4, "regroup");

    @Override
    public String name() {
        return "regroup";
    }

    @Override
    public int playersPerGroup() {
        return 2;
    }

    @Override
    public List<Class<? extends Page<?>>> pages() {
        return List.of(TalkPage.class, RegroupWaitPage.class, RegroupedPage.class);
    }

    @Override
    public Class<RegroupGroup> groupClass() {
        return RegroupGroup.class;
    }

    @Override
    public Class<RegroupPlayer> playerClass() {
        return RegroupPlayer.class;
    }
}
