package org.ludus.apps.tictactoe;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ludus.session.BaseGroup;

@Entity
@Table(name = "tictactoe_group")
public class TicTacToeGroup extends BaseGroup {

    private static final int[][] LINES = {{0, 1, 2}, {3, 4, 5}, {6, 7, 8}, {0, 3, 6}, {1, 4, 7}, {2, 5, 8},
        {0, 4, 8}, {2, 4, 6}};

    /** Nine cells, 'X' (player 1), 'O' (player 2) or ' '. */
    @Column(nullable = false, length = 9)
    private String board = " ".repeat(9);

    @Column(name = "whose_turn", nullable = false)
    private int whoseTurn = 1;

    /** Id in group of the winner, 0 for a draw, null while the game goes on. */
    private Integer winner;

    public String getBoard() {
        return board;
    }

    public Integer getWinner() {
        return winner;
    }

    public boolean isOver() {
        return winner != null;
    }

    /** Why the move is not allowed, or null. */
    String refusal(int idInGroup, Integer square) {
        if (isOver()) {
            return "The game is over.";
        }
        if (idInGroup != whoseTurn) {
            return "It is not your turn.";
        }
        if (square == null || square < 0 || square > 8) {
            return "Choose a square from 0 to 8.";
        }
        if (board.charAt(square) != ' ') {
            return "That square is taken.";
        }
        return null;
    }

    void move(int idInGroup, int square) {
        char mark = idInGroup == 1 ? 'X' : 'O';
        board = board.substring(0, square) + mark + board.substring(square + 1);
        for (int[] line : LINES) {
            if (board.charAt(line[0]) == mark && board.charAt(line[1]) == mark && board.charAt(line[2]) == mark) {
                winner = idInGroup;
            }
        }
        if (winner == null && board.indexOf(' ') < 0) {
            winner = 0;
        }
        whoseTurn = 3 - idInGroup;
    }

    /** The whole state, as every reply carries it. */
    Map<String, Object> state() {
        var state = new LinkedHashMap<String, Object>();
        state.put("board", board);
        state.put("whose_turn", whoseTurn);
        state.put("game_over", isOver());
        state.put("winner", winner);
        return state;
    }
}
