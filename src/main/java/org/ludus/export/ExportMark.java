package org.ludus.export;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.io.Serializable;

/**
 * How far the logs went when an incremental export run was created ({@link Window}): per group of an app, the
 * highest {@code seq} of its live messages ({@value #LIVE}); per participant, the oTree page index of their last
 * completed page, 0 for only started ({@value #PAGES}). Written with one INSERT … SELECT per log
 * (org.ludus.export.batch.ExportMarks); this class gives the table its shape.
 */
@Entity
@IdClass(ExportMark.Key.class)
@Table(name = "ludus_export_mark", indexes = @Index(name = "ludus_export_mark_session", columnList = "run_id, session_id"))
public class ExportMark {

    public static final String LIVE = "L";
    public static final String PAGES = "P";

    /** The mark's identity: run, log, app ("" for page times) and group or participant. */
    public static class Key implements Serializable {
        private Long runId;
        private String kind;
        private String appName;
        private Long keyId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && java.util.Objects.equals(runId, key.runId)
                    && java.util.Objects.equals(kind, key.kind) && java.util.Objects.equals(appName, key.appName)
                    && java.util.Objects.equals(keyId, key.keyId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(runId, kind, appName, keyId);
        }
    }

    @Id
    @Column(name = "run_id")
    private Long runId;

    @Id
    @Column(length = 1)
    private String kind;

    @Id
    @Column(name = "app_name")
    private String appName;

    /** The group's id (live messages) or the participant's (page times). */
    @Id
    @Column(name = "key_id")
    private Long keyId;

    @Column(name = "session_id", nullable = false)
    private Long sessionId;

    @Column(nullable = false)
    private long mark;

    protected ExportMark() {
    }
}
