package org.ludus.testapps.regroup;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.ludus.session.BaseGroup;

@Entity
@Table(name = "regroup_group")
public class RegroupGroup extends BaseGroup {
}
