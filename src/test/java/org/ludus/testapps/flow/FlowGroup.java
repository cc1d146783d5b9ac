package org.ludus.testapps.flow;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.ludus.session.BaseGroup;

@Entity
@Table(name = "flow_group")
public class FlowGroup extends BaseGroup {

    private int total;

    /** How often the wait page's afterAllPlayersArrive ran for this group: must be exactly once. */
    private int releases;

    public int getTotal() {
        return total;
    }

    void release(int total) {
        this.total = total;
        this.releases++;
    }
}
