package org.ludus.export.batch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One export run: what it writes, where, for whom, and which Jakarta Batch execution carries it now (a restart
 * makes a new execution of the same run). Its id is the job's id on the REST API and the admin page. The run's
 * request lives here and not in the job parameters, which JBeret keeps in 3,000 characters: a run of a few
 * hundred sessions would not fit. A schedule's firing is claimed by inserting its run: the unique key on
 * schedule and firing time lets one server of several win.
 */
@Entity
@Table(name = "ludus_export_run", indexes = @Index(name = "ludus_export_run_open", columnList = "settled, node"),
        uniqueConstraints = @UniqueConstraint(name = "ludus_export_run_firing", columnNames = {"schedule_id", "fired_at"}))
@NamedQuery(name = "ExportRun.unsettled", query = "select r from ExportRun r where r.settled = false and r.node = :node order by r.id")
// by firing, newest first: ids are not in creation order across servers (each takes blocks of the sequence)
@NamedQuery(name = "ExportRun.ofSchedule", query = "select r from ExportRun r where r.scheduleId = :schedule"
        + " order by r.firedAt desc, r.id desc")
@NamedQuery(name = "ExportRun.recentOf", query = "select r from ExportRun r where r.owner = :owner order by r.id desc")
@NamedQuery(name = "ExportRun.recent", query = "select r from ExportRun r order by r.id desc")
public class ExportRun {

    @Id
    @GeneratedValue
    private Long id;

    /** The execution now carrying the run (JBeret's job execution id); null until started. */
    @Column(name = "execution_id")
    private Long executionId;

    @Column(name = "schedule_id")
    private Long scheduleId;

    /** The firing this run is (a schedule's), or null for a run started by hand. */
    @Column(name = "fired_at")
    private Instant firedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Relative to the export root: {schedule or "manual"}/{UTC timestamp}-{n}. */
    @Column(nullable = false, length = 500)
    private String folder;

    /** The lab user's subject the run writes for. */
    @Column(nullable = false)
    private String owner;

    /** The server that runs it, and restarts it after a crash. */
    @Column(nullable = false, length = 200)
    private String node;

    /** Comma-separated export names, as the download routes name them. */
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR) // text, not a LOB kept outside the row
    @Column(nullable = false)
    private String exports;

    /** Comma-separated session codes. */
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR) // text, not a LOB kept outside the row
    @Column(nullable = false)
    private String sessions;

    @Column(nullable = false, length = 8)
    private String format;

    /** Stopped by a person (not by a shutdown): not resumed at the next start. */
    @Column(name = "stopped_by_hand", nullable = false)
    private boolean stoppedByHand;

    /** An incremental run: marks were recorded for it ({@link org.ludus.export.Window}); null read as false. */
    @Column(name = "marked")
    private Boolean marked;

    /** Its live messages and page times only since {@link #sinceRun} (the schedule's since_last_run); null: false. */
    @Column(name = "windowed")
    private Boolean windowed;

    /** The schedule's last successful run when this one was created, whose marks this one's rows follow. */
    @Column(name = "since_run")
    private Long sinceRun;

    /** Why it failed, in words for the operator (the first file it could not write, and why); null if it did not. */
    @Column(length = 1000)
    private String failure;

    /** Seen at an end it stays at (completed, abandoned, stopped by hand or failed): start-up looks no more. */
    @Column(nullable = false)
    private boolean settled;

    protected ExportRun() {
    }

    ExportRun(Long scheduleId, Instant firedAt, String folder, String owner, String node, List<String> exports,
            List<String> sessions, String format) {
        this.scheduleId = scheduleId;
        this.firedAt = firedAt;
        this.createdAt = Instant.now();
        this.folder = folder;
        this.owner = owner;
        this.node = node;
        this.exports = String.join(",", exports);
        this.sessions = String.join(",", sessions);
        this.format = format;
    }

    public Long getId() {
        return id;
    }

    public Long getExecutionId() {
        return executionId;
    }

    void setExecutionId(Long executionId) {
        this.executionId = executionId;
    }

    public Long getScheduleId() {
        return scheduleId;
    }

    public Instant getFiredAt() {
        return firedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getFolder() {
        return folder;
    }

    void setFolder(String folder) {
        this.folder = folder;
    }

    public String getOwner() {
        return owner;
    }

    public String getNode() {
        return node;
    }

    public List<String> exports() {
        return ExportJobs.list(exports);
    }

    public List<String> sessions() {
        return ExportJobs.list(sessions);
    }

    void setSessions(List<String> sessions) {
        this.sessions = String.join(",", sessions);
    }

    public String getFormat() {
        return format;
    }

    public boolean isStoppedByHand() {
        return stoppedByHand;
    }

    void setStoppedByHand(boolean stoppedByHand) {
        this.stoppedByHand = stoppedByHand;
    }

    public boolean isMarked() {
        return Boolean.TRUE.equals(marked);
    }

    public Long getSinceRun() {
        return sinceRun;
    }

    /**
     * Marks were recorded for this run; after the successful run {@code sinceRun}. {@code windowed}: its logs hold
     * only the rows between (a schedule of changed sessions records marks without exporting only the new rows).
     */
    void markedSince(Long sinceRun, boolean windowed) {
        this.marked = true;
        this.sinceRun = sinceRun;
        this.windowed = windowed;
    }

    public boolean isWindowed() {
        return Boolean.TRUE.equals(windowed);
    }

    /** The rows of the logs this run holds, or null for all (a run that does not export since the last one). */
    public org.ludus.export.Window window() {
        return isWindowed() ? new org.ludus.export.Window(id, sinceRun) : null;
    }

    public String getFailure() {
        return failure;
    }

    void setFailure(String failure) {
        this.failure = failure == null ? null : failure.length() > 1000 ? failure.substring(0, 1000) : failure;
    }

    public boolean isSettled() {
        return settled;
    }

    void setSettled(boolean settled) {
        this.settled = settled;
    }
}
