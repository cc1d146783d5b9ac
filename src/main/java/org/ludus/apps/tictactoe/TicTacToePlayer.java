package org.ludus.apps.tictactoe;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.ludus.session.BasePlayer;

@Entity
@Table(name = "tictactoe_player")
public class TicTacToePlayer extends BasePlayer<TicTacToeGroup> {

    public String getMark() {
        return getIdInGroup() == 1 ? "X" : "O";
    }
}
