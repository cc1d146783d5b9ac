package org.ludus.session;

import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import java.util.List;
import org.hibernate.Hibernate;

/**
 * oTree's ExtraModel: a table of the app's own, one row per thing that happens (a bid, a trade, a message),
 * linked to its group and, when a player made it, to that player. An app's {@code @Entity} extending this gets,
 * without writing them: the links ({@code group_id}, {@code player_id}), an index on each (created at start-up),
 * and an export ({@code /api/exports/custom/{app}}, unless the app writes its own) with the session, round,
 * group and player of each row beside the entity's own fields.
 */
@MappedSuperclass
public abstract class ExtraModel<G extends BaseGroup, P extends BasePlayer<G>> {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "group_id")
    private G group;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "player_id")
    private P player;

    /** For JPA. */
    protected ExtraModel() {
    }

    /** A row made by a player, in the player's group. */
    protected ExtraModel(P player) {
        this.player = player;
        this.group = player.getGroup();
    }

    /** A row of the group that no one player made (a trade between two, a round's draw). */
    protected ExtraModel(G group) {
        this.group = group;
    }

    /** Stores the row as made by {@code player}, in the player's group (the transaction of the live method). */
    public void saveFor(P player) {
        this.player = player;
        this.group = player.getGroup();
        save();
    }

    /** Stores the row, in the transaction of the live method or page hook that made it. */
    public void save() {
        Models.current().persist(this);
    }

    /** The group's rows of this type, oldest first (oTree's {@code Bid.filter(group=group)}). */
    public static <T extends ExtraModel<?, ?>> List<T> ofGroup(Class<T> type, BaseGroup group) {
        return Models.current().rows(type, "group", group);
    }

    /** The player's rows of this type, oldest first. */
    public static <T extends ExtraModel<?, ?>> List<T> ofPlayer(Class<T> type, BasePlayer<?> player) {
        return Models.current().rows(type, "player", player);
    }

    public Long getId() {
        return id;
    }

    @SuppressWarnings("unchecked")
    public G getGroup() {
        return (G) Hibernate.unproxy(group);
    }

    /** Null for a row no one player made. */
    @SuppressWarnings("unchecked")
    public P getPlayer() {
        return (P) Hibernate.unproxy(player);
    }
}
