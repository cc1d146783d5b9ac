package org.ludus.testapps.flow;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.ludus.session.BaseGroup;

@Entity
@Table(name = "matching_group")
public class MatchingGroup extends BaseGroup {
}
