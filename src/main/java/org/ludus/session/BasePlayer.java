package org.ludus.session;

import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import java.math.BigDecimal;

/**
 * The columns every app's player has; {@code G} is the app's group entity, so {@code player.getGroup()} is typed.
 * One row per participant per round of the app.
 */
@MappedSuperclass
public abstract class BasePlayer<G extends BaseGroup> {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "participant_id")
    private Participant participant;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "subsession_id")
    private Subsession subsession;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "group_id")
    private G group;

    @Column(name = "id_in_group", nullable = false)
    private int idInGroup;

    @Column(name = "round_number", nullable = false)
    private int roundNumber;

    @Column(precision = 19, scale = 2)
    private BigDecimal payoff = BigDecimal.ZERO;

    void place(Participant participant, Subsession subsession, G group, int idInGroup) {
        this.participant = participant;
        this.subsession = subsession;
        this.group = group;
        this.idInGroup = idInGroup;
        this.roundNumber = subsession.getRoundNumber();
    }

    /** Moves the player to another group (grouping by arrival time). */
    public void regroup(G group, int idInGroup) {
        this.group = group;
        this.idInGroup = idInGroup;
    }

    public Long getId() {
        return id;
    }

    public Participant getParticipant() {
        return participant;
    }

    public Subsession getSubsession() {
        return subsession;
    }

    /** The group entity itself, never a lazy proxy, so its public fields can be read and written directly. */
    @SuppressWarnings("unchecked")
    public G getGroup() {
        return (G) org.hibernate.Hibernate.unproxy(group);
    }

    /** The group's id, without loading the group (so the framework can lock it before reading it). */
    public Long getGroupId() {
        return group == null ? null : group.getId();
    }

    /** The session this player is in (its config: {@code Page.config(player, key)}). */
    public ExperimentSession getSession() {
        return participant.getSession();
    }

    public int getIdInGroup() {
        return idInGroup;
    }

    public int getRoundNumber() {
        return roundNumber;
    }

    public BigDecimal getPayoff() {
        return payoff;
    }

    public void setPayoff(BigDecimal payoff) {
        this.payoff = payoff;
    }

    public void setPayoff(Currency payoff) {
        this.payoff = payoff.toBigDecimal();
    }
}
