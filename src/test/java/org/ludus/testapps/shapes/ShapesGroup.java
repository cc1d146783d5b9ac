package org.ludus.testapps.shapes;

import jakarta.persistence.Entity;
import org.ludus.session.BaseGroup;

@Entity
public class ShapesGroup extends BaseGroup {
}
