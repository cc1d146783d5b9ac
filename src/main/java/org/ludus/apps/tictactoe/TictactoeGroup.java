package org.ludus.apps.tictactoe;

import jakarta.persistence.Entity;
import java.util.List;
import org.ludus.live.Dict;
import org.ludus.session.BaseGroup;

@Entity
public class TictactoeGroup extends BaseGroup {

    /** The squares of each row, column and diagonal. */
    private static final List<String> LINES = List.of("012", "345", "678", "036", "147", "258", "048", "246");

    /** Nine cells, 'X' (player 1), 'O' (player 2) or ' '. */
    public String board = " ".repeat(9);
    public int whoseTurn = 1;
    /** Id in group of the winner, 0 for a draw, null while the game goes on. */
    public Integer winner;

    /** Plays the move, or says why it is not allowed (and changes nothing). */
    String move(int me, Integer square) {
        String refusal = winner != null ? "The game is over." : me != whoseTurn ? "It is not your turn."
                : square == null || square < 0 || square > 8 ? "Choose a square from 0 to 8."
                : board.charAt(square) != ' ' ? "That square is taken." : null;
        if (refusal != null) {
            return refusal;
        }
        char mark = me == 1 ? 'X' : 'O';
        board = board.substring(0, square) + mark + board.substring(square + 1);
        if (LINES.stream().anyMatch(line -> line.chars().allMatch(cell -> board.charAt(cell - '0') == mark))) {
            winner = me;
        } else if (board.indexOf(' ') < 0) {
            winner = 0;
        }
        whoseTurn = 3 - me;
        return null;
    }

    /** The whole state, as every reply carries it, with the reply's own keys and values after it. */
    Dict state(Object... extra) {
        return Dict.of("board", board, "whose_turn", whoseTurn, "game_over", winner != null, "winner", winner)
                .with(extra);
    }
}
