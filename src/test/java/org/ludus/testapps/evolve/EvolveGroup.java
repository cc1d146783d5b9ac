package org.ludus.testapps.evolve;

import jakarta.persistence.Entity;
import org.ludus.session.BaseGroup;

/** An app whose player changed between two releases (SchemaUpgradeIT): its group did not. */
@Entity
public class EvolveGroup extends BaseGroup {
}
