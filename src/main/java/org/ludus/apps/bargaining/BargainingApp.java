package org.ludus.apps.bargaining;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.ludus.page.BaseApp;
import org.ludus.session.SessionConfig;

/** Two players bargain over a pie (its size in the session config); the results page is only a template. */
@ApplicationScoped
public class BargainingApp extends BaseApp<BargainingGroup, BargainingPlayer> {

    @Produces
    static SessionConfig config = SessionConfig.of("bargaining", "Bargaining over a pie", 2, "bargaining")
            .withCustom("pie", 100, 1, 1_000_000);

    public BargainingApp() {
        super(2, BargainPage.class, "ResultsPage");
    }
}
