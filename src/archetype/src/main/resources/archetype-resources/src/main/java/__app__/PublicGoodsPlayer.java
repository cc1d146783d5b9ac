package ${package}.${app};

import jakarta.persistence.Entity;
import org.ludus.session.BasePlayer;
import org.ludus.session.Currency;

@Entity
public class PublicGoodsPlayer extends BasePlayer<PublicGoodsGroup> {

    /** Null until the player contributes (once). */
    public Currency contribution;
}
