package org.ludus.apps.tictactoe;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.ludus.live.Live;
import org.ludus.page.Page;

/** The seed's tic-tac-toe: {square} moves; every reply carries the whole state; a refusal goes to the mover. */
@ApplicationScoped
public class PlayPage extends Page<TictactoePlayer> {

    public record Move(Integer square) {
    }

    @Live
    Map<Integer, Object> live(TictactoePlayer player, Move move) {
        String refusal = player.getGroup().move(player.getIdInGroup(), move.square());
        if (refusal != null) {
            return Map.of(player.getIdInGroup(), player.getGroup().state("error", refusal));
        }
        return Map.of(0, player.getGroup().state("square", move.square(), "id_in_group", player.getIdInGroup()));
    }

    /** The whole state, for a page that opens or reconnects (and for {@code liveSend({})}). */
    @Override
    public Object liveState(TictactoePlayer player) {
        return player.getGroup().state();
    }

    @Override
    public String errorMessage(TictactoePlayer player, Map<String, Object> values) {
        return player.getGroup().winner != null ? null : "The game is not over yet.";
    }
}
