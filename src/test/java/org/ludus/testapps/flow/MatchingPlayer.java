package org.ludus.testapps.flow;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.ludus.session.BasePlayer;

@Entity
@Table(name = "matching_player")
public class MatchingPlayer extends BasePlayer<MatchingGroup> {
}
