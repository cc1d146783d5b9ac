package org.ludus.apps.customwait;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.ludus.session.BaseGroup;

@Entity
@Table(name = "customwait_group")
public class CustomWaitGroup extends BaseGroup {

    @Column(name = "num_arrived", nullable = false)
    private int numArrived;

    public int getNumArrived() {
        return numArrived;
    }

    void arrive() {
        numArrived++;
    }
}
