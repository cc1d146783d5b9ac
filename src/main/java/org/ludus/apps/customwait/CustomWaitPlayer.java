package org.ludus.apps.customwait;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.ludus.session.BasePlayer;

@Entity
@Table(name = "customwait_player") // the app's tables keep the names they had before names were derived
public class CustomWaitPlayer extends BasePlayer<CustomWaitGroup> {

    public boolean arrived;
    /** True if the player left the waiting page because time ran out, not because all had arrived. */
    public boolean timedOut;
}
