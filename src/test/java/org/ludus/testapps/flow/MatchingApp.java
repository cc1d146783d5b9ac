package org.ludus.testapps.flow;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.ludus.page.App;
import org.ludus.page.Page;

/** The second app of the "flow" config: groups formed by arrival time. */
@ApplicationScoped
public class MatchingApp implements App {

    @Override
    public String name() {
        return "matching";
    }

    @Override
    public int playersPerGroup() {
        return 2;
    }

    @Override
    public List<Class<? extends Page<?>>> pages() {
        return List.of(ArrivalWaitPage.class, MatchedPage.class);
    }

    @Override
    public Class<MatchingGroup> groupClass() {
        return MatchingGroup.class;
    }

    @Override
    public Class<MatchingPlayer> playerClass() {
        return MatchingPlayer.class;
    }
}
