package org.ludus.lab;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of the audit log ({@link AuditLog}): who did what, to which session, when. */
@Entity
@Table(name = "ludus_audit", indexes = {@Index(name = "ludus_audit_at", columnList = "at"),
        @Index(name = "ludus_audit_session", columnList = "session_code")})
@NamedQuery(name = "AuditEntry.recent", query = "select a from AuditEntry a order by a.id desc")
@NamedQuery(name = "AuditEntry.ofSession", query = "select a from AuditEntry a where a.sessionCode = :code order by a.id desc")
public class AuditEntry {

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false)
    private Instant at;

    /** The actor's subject ({@link LabUser}), or "rest-api" for the server's own REST key. */
    @Column(nullable = false)
    private String actor;

    /** The actor's name when it happened. */
    @Column(name = "actor_name", nullable = false)
    private String actorName;

    @Column(nullable = false, length = 32)
    private String action;

    @Column(name = "session_code", length = 32)
    private String sessionCode;

    @Column(length = 1000)
    private String detail;

    protected AuditEntry() {
    }

    AuditEntry(String actor, String actorName, String action, String sessionCode, String detail) {
        this.at = Instant.now();
        this.actor = actor;
        this.actorName = actorName;
        this.action = action;
        this.sessionCode = sessionCode;
        this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
    }

    public Long getId() {
        return id;
    }

    public Instant getAt() {
        return at;
    }

    public String getActor() {
        return actor;
    }

    public String getActorName() {
        return actorName;
    }

    public String getAction() {
        return action;
    }

    public String getSessionCode() {
        return sessionCode;
    }

    public String getDetail() {
        return detail;
    }
}
