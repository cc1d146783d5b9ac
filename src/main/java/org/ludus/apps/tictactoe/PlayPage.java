package org.ludus.apps.tictactoe;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ludus.live.Live;
import org.ludus.page.Page;

/** The seed's tic-tac-toe: {square} moves, {} asks for the state; every reply carries the whole state. */
@ApplicationScoped
public class PlayPage extends Page<TicTacToePlayer> {

    public record Move(Integer square) {
    }

    @Live
    Map<Integer, Object> live(TicTacToePlayer player, Move move) {
        TicTacToeGroup group = player.getGroup();
        int me = player.getIdInGroup();
        if (move.square() == null) {
            return Map.of(me, group.state());
        }
        String refusal = group.refusal(me, move.square());
        if (refusal != null) {
            var reply = new LinkedHashMap<>(group.state());
            reply.put("error", refusal);
            return Map.of(me, reply);
        }
        group.move(me, move.square());
        var news = new LinkedHashMap<>(group.state());
        news.put("square", move.square());
        news.put("id_in_group", me);
        return Map.of(0, news);
    }

    /** The whole state, for a page that opens or reconnects. */
    @Override
    public Map<String, Object> liveState(TicTacToePlayer player) {
        return player.getGroup().state();
    }

    @Override
    public String errorMessage(TicTacToePlayer player, Map<String, Object> values) {
        return player.getGroup().isOver() ? null : "The game is not over yet.";
    }
}
