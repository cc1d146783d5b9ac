package org.ludus.testapps.regroup;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.ludus.session.BasePlayer;

@Entity
@Table(name = "regroup_player")
public class RegroupPlayer extends BasePlayer<RegroupGroup> {
}
