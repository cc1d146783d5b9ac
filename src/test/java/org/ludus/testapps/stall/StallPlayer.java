package org.ludus.testapps.stall;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.ludus.session.BasePlayer;

@Entity
@Table(name = "stall_player")
public class StallPlayer extends BasePlayer<StallGroup> {
}
