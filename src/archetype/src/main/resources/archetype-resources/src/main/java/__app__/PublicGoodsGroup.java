package ${package}.${app};

import jakarta.persistence.Entity;
import org.ludus.session.BaseGroup;
import org.ludus.session.Currency;

@Entity
public class PublicGoodsGroup extends BaseGroup {

    /** What the group put into the pot so far. */
    public Currency total = Currency.ZERO;
}
