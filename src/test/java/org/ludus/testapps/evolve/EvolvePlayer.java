package org.ludus.testapps.evolve;

import jakarta.persistence.Entity;
import org.ludus.session.BasePlayer;

/**
 * The second version of a player (SchemaUpgradeIT): the first had {@code score}, {@code nickname} and a
 * {@code legacyFlag}; this one renamed nickname to {@code alias}, dropped the flag and added {@code tokens}, a
 * primitive (a NOT NULL column), as its changelog's changeset evolve-2 says.
 */
@Entity
public class EvolvePlayer extends BasePlayer<EvolveGroup> {
    public int score;
    public String alias;
    public int tokens = 5;
}
