package org.ludus.apps.tictactoe;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.ludus.page.Page;

@ApplicationScoped
public class ResultsPage extends Page<TicTacToePlayer> {

    @Override
    public Map<String, Object> varsForTemplate(TicTacToePlayer player) {
        Integer winner = player.getGroup().getWinner();
        String outcome = winner == null || winner == 0 ? "It is a draw."
                : winner == player.getIdInGroup() ? "You won." : "You lost.";
        return Map.of("outcome", outcome);
    }
}
