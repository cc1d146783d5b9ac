package org.ludus.session;

import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import org.hibernate.annotations.ColumnDefault;

/**
 * The columns every app's group has. An app's group is its own entity and table (like oTree's per-app tables),
 * so its fields are real columns and the live path locks exactly one row of it.
 */
@MappedSuperclass
public abstract class BaseGroup {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "subsession_id")
    private Subsession subsession;

    @Column(name = "id_in_subsession", nullable = false)
    private int idInSubsession;

    @Column(name = "round_number", nullable = false)
    private int roundNumber;

    /**
     * The number of the group's last committed live message: the next one takes the next number, under the
     * group's row lock, so the group's messages are numbered 1, 2, 3, … in commit order (the log's {@code seq}).
     */
    @ColumnDefault("0") // a group table that already has rows gets the column too
    @Column(name = "live_seq", nullable = false)
    private long liveSeq;

    void place(Subsession subsession, int idInSubsession) {
        this.subsession = subsession;
        this.idInSubsession = idInSubsession;
        this.roundNumber = subsession.getRoundNumber();
    }

    public Long getId() {
        return id;
    }

    public Subsession getSubsession() {
        return subsession;
    }

    public int getIdInSubsession() {
        return idInSubsession;
    }

    public int getRoundNumber() {
        return roundNumber;
    }

    public long getLiveSeq() {
        return liveSeq;
    }

    /** The group's players, by id in group (oTree's {@code group.get_players()}). */
    public <P extends BasePlayer<?>> java.util.List<P> getPlayers() {
        return Models.current().playersOf(this);
    }

    /** The player with that id in the group (oTree's {@code group.get_player_by_id(n)}). */
    public <P extends BasePlayer<?>> P getPlayerById(int idInGroup) {
        return this.<P>getPlayers().stream().filter(p -> p.getIdInGroup() == idInGroup).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the group has no player " + idInGroup));
    }

    /** Call only while holding the group's row lock (the live path does). */
    public long nextLiveSeq() {
        return ++liveSeq;
    }
}
