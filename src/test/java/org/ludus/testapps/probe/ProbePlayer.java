package org.ludus.testapps.probe;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.ludus.session.BasePlayer;

@Entity
@Table(name = "probe_player")
public class ProbePlayer extends BasePlayer<ProbeGroup> {
}
