package org.ludus.apps.tictactoe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.List;
import org.ludus.page.App;
import org.ludus.page.Page;
import org.ludus.session.SessionConfig;

@ApplicationScoped
public class TicTacToeApp implements App {

    @Produces
    static SessionConfig config = SessionConfig.of("tictactoe", "Tic-tac-toe", 2, "tictactoe");

    @Override
    public String name() {
        return "tictactoe";
    }

    @Override
    public int playersPerGroup() {
        return 2;
    }

    @Override
    public List<Class<? extends Page<?>>> pages() {
        return List.of(PlayPage.class, ResultsPage.class);
    }

    @Override
    public Class<TicTacToeGroup> groupClass() {
        return TicTacToeGroup.class;
    }

    @Override
    public Class<TicTacToePlayer> playerClass() {
        return TicTacToePlayer.class;
    }
}
