package org.ludus.apps.customwait;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.ludus.session.BasePlayer;

@Entity
@Table(name = "customwait_player")
public class CustomWaitPlayer extends BasePlayer<CustomWaitGroup> {

    private boolean arrived;

    /** True if the player left the waiting page because time ran out, not because all had arrived. */
    private boolean timedOut;

    public boolean isArrived() {
        return arrived;
    }

    void markArrived() {
        arrived = true;
    }

    public boolean isTimedOut() {
        return timedOut;
    }

    void setTimedOut(boolean timedOut) {
        this.timedOut = timedOut;
    }
}
