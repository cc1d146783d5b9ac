package org.ludus.testapps.probe;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.ludus.session.BaseGroup;

@Entity
@Table(name = "probe_group")
public class ProbeGroup extends BaseGroup {

    private int counter;

    int increment() {
        return ++counter;
    }

    public int getCounter() {
        return counter;
    }
}
