package org.ludus.apps.tictactoe;

import jakarta.persistence.Entity;
import org.ludus.session.BasePlayer;

@Entity
public class TictactoePlayer extends BasePlayer<TictactoeGroup> {
}
