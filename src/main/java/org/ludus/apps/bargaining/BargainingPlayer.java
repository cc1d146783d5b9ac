package org.ludus.apps.bargaining;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.ludus.session.BasePlayer;

@Entity
@Table(name = "bargaining_player")
public class BargainingPlayer extends BasePlayer<BargainingGroup> {

    public int getOtherId() {
        return 3 - getIdInGroup();
    }
}
