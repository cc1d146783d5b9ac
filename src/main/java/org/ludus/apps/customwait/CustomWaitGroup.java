package org.ludus.apps.customwait;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.ludus.session.BaseGroup;

@Entity
@Table(name = "customwait_group") // the app's tables keep the names they had before names were derived
public class CustomWaitGroup extends BaseGroup {

    public int numArrived;
}
