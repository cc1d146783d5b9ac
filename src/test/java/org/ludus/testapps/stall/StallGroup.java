package org.ludus.testapps.stall;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.ludus.session.BaseGroup;

@Entity
@Table(name = "stall_group")
public class StallGroup extends BaseGroup {
}
