package org.ludus.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One round of one app within a session. */
@Entity
@Table(name = "subsession")
public class Subsession {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "session_id")
    private ExperimentSession session;

    @Column(name = "app_name", nullable = false)
    private String appName;

    @Column(name = "round_number", nullable = false)
    private int roundNumber;

    protected Subsession() {
    }

    public Subsession(ExperimentSession session, String appName, int roundNumber) {
        this.session = session;
        this.appName = appName;
        this.roundNumber = roundNumber;
    }

    public Long getId() {
        return id;
    }

    public ExperimentSession getSession() {
        return session;
    }

    public String getAppName() {
        return appName;
    }

    public int getRoundNumber() {
        return roundNumber;
    }
}
