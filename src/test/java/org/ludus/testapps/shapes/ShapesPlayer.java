package org.ludus.testapps.shapes;

import jakarta.persistence.Entity;
import org.ludus.session.BasePlayer;

@Entity
public class ShapesPlayer extends BasePlayer<ShapesGroup> {
}
