package org.ludus.apps.bargaining;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.List;
import org.ludus.page.App;
import org.ludus.page.Page;
import org.ludus.session.SessionConfig;

@ApplicationScoped
public class BargainingApp implements App {

    @Produces
    static SessionConfig config = SessionConfig.of("bargaining", "Bargaining over a pie", 2, "bargaining")
            .withCustom("pie", 100, 1, 1_000_000);

    @Override
    public String name() {
        return "bargaining";
    }

    @Override
    public int playersPerGroup() {
        return 2;
    }

    @Override
    public List<Class<? extends Page<?>>> pages() {
        return List.of(BargainPage.class, ResultsPage.class);
    }

    @Override
    public Class<BargainingGroup> groupClass() {
        return BargainingGroup.class;
    }

    @Override
    public Class<BargainingPlayer> playerClass() {
        return BargainingPlayer.class;
    }
}
