package org.ludus.lab;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import org.ludus.session.ExperimentSession;

/** A session its owner shared with someone, as researcher or assistant ({@link Permission}). */
@Entity
@Table(name = "ludus_session_share",
        uniqueConstraints = @UniqueConstraint(name = "ludus_session_share_once", columnNames = {"session_id", "subject"}),
        indexes = @Index(name = "ludus_session_share_subject", columnList = "subject"))
@NamedQuery(name = "SessionShare.ofSession", query = "select s from SessionShare s where s.session = :session"
        + " order by s.sharedAt, s.id")
@NamedQuery(name = "SessionShare.one", query = "select s from SessionShare s where s.session = :session"
        + " and s.subject = :subject")
public class SessionShare {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "session_id", nullable = false)
    private ExperimentSession session;

    /** The lab user it is shared with ({@link LabUser#getSubject()}). */
    @Column(nullable = false)
    private String subject;

    /** {@link org.ludus.security.Roles#RESEARCHER} or {@link org.ludus.security.Roles#ASSISTANT}. */
    @Column(nullable = false, length = 32)
    private String role;

    @Column(name = "shared_by", nullable = false)
    private String sharedBy;

    @Column(name = "shared_at", nullable = false)
    private Instant sharedAt;

    protected SessionShare() {
    }

    SessionShare(ExperimentSession session, String subject, String role, String sharedBy) {
        this.session = session;
        this.subject = subject;
        this.role = role;
        this.sharedBy = sharedBy;
        this.sharedAt = Instant.now();
    }

    public String getSubject() {
        return subject;
    }

    public String getRole() {
        return role;
    }

    void setRole(String role) {
        this.role = role;
    }

    public Instant getSharedAt() {
        return sharedAt;
    }
}
