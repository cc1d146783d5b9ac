package org.ludus.testapps.expiry;

import jakarta.persistence.Entity;
import org.ludus.session.BasePlayer;

@Entity
public class ExpiryPlayer extends BasePlayer<ExpiryGroup> {
}
