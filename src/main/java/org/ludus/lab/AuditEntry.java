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

    /** The actor's subject ({@link LabUser}), or "local:rest-api" for the server's own REST key. */
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
        this.actor = plain(actor, 255);
        this.actorName = plain(actorName, 255);
        this.action = action;
        this.sessionCode = sessionCode;
        this.detail = detail == null ? null : plain(detail, 1000);
    }

    /** One line (a key's label must not start a forged line of the server log), cut to the column's size. */
    private static String plain(String text, int max) {
        String line = text.replaceAll("\\p{Cntrl}", " ");
        return line.length() <= max ? line : line.substring(0, max);
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
