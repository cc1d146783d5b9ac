package org.ludus.testapps.expiry;

import jakarta.persistence.Entity;
import org.ludus.session.BaseGroup;

@Entity
public class ExpiryGroup extends BaseGroup {
    public int counted;
}
