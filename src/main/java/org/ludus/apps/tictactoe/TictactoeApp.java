package org.ludus.apps.tictactoe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.ludus.page.BaseApp;
import org.ludus.session.SessionConfig;

/** The seed's tic-tac-toe for two; the results page is only a template. */
@ApplicationScoped
public class TictactoeApp extends BaseApp<TictactoeGroup, TictactoePlayer> {

    @Produces
    static SessionConfig config = SessionConfig.of("tictactoe", "Tic-tac-toe", 2, "tictactoe");

    public TictactoeApp() {
        super(2, PlayPage.class, "ResultsPage");
    }
}
