package org.ludus.testapps.regroup;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.ludus.session.BaseGroup;

@Entity
@Table(name = "regroup_group")
public class RegroupGroup extends BaseGroup {

    /** Live messages the group ran; a lost update of the group row shows as fewer than the log has. */
    private int talks;

    /** Set when the group was formed by arrival order. */
    private boolean formed;

    void talk() {
        talks++;
    }

    void form() {
        formed = true;
    }
}
