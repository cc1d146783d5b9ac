package org.ludus.apps.bargaining;

import jakarta.persistence.Entity;
import org.ludus.session.BasePlayer;

@Entity
public class BargainingPlayer extends BasePlayer<BargainingGroup> {
}
