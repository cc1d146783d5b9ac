package org.ludus.export.batch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An export that runs by itself: which exports of which sessions, in which format, when, what to do with a
 * firing missed while the server was down, and how many runs to keep. Each firing is a run
 * ({@link ExportRun}) in folder {@code {name}/{UTC timestamp}-{run}}.
 */
@Entity
@Table(name = "ludus_export_schedule", indexes = @Index(name = "ludus_export_schedule_next", columnList = "next_firing"))
@NamedQuery(name = "ExportSchedule.due", query = "select s.id from ExportSchedule s where s.nextFiring <= :now order by s.nextFiring")
@NamedQuery(name = "ExportSchedule.all", query = "select s from ExportSchedule s order by s.name")
@NamedQuery(name = "ExportSchedule.named", query = "select s from ExportSchedule s where s.name = :name")
public class ExportSchedule {

    /** Which sessions a firing covers. */
    public enum Scope { ALL, CONFIG, ROOM, SESSIONS, CHANGED }

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String name;

    @Column(nullable = false)
    private String owner;

    /** The owner was a lab-admin when creating it: "all sessions" is every session, not only theirs. */
    @Column(name = "owner_sees_all", nullable = false)
    private boolean ownerSeesAll;

    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(nullable = false)
    private String exports;

    @Column(nullable = false, length = 16)
    private String scope;

    /** The config's or room's name, or the comma-separated session codes; "" for all (PostgreSQL's driver cannot
     *  bind a null of this long-text type). */
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(name = "scope_value", nullable = false)
    private String scopeValue;

    @Column(nullable = false, length = 8)
    private String format;

    @Column(length = 200)
    private String cron;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @Column(name = "every_minutes")
    private Integer everyMinutes;

    /** Live messages and page times since the schedule's last successful run only; null read as false. */
    @Column(name = "since_last_run")
    private Boolean sinceLastRun;

    /** A firing missed while no server ran: run it once at the next start, or skip it. */
    @Column(name = "run_missed", nullable = false)
    private boolean runMissed;

    /** How many runs to keep; older ones' folders are deleted. */
    @Column(nullable = false)
    private int keep;

    @Column(name = "next_firing", nullable = false)
    private Instant nextFiring;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ExportSchedule() {
    }

    ExportSchedule(String name, String owner, boolean ownerSeesAll, List<String> exports, Scope scope, String scopeValue,
            String format, When when, boolean runMissed, int keep, boolean sinceLastRun, Instant now) {
        this.sinceLastRun = sinceLastRun;
        this.name = name;
        this.owner = owner;
        this.ownerSeesAll = ownerSeesAll;
        this.exports = String.join(",", exports);
        this.scope = scope.name().toLowerCase(java.util.Locale.ROOT);
        this.scopeValue = scopeValue == null ? "" : scopeValue;
        this.format = format;
        this.cron = when.cron();
        this.timeZone = when.zone().getId();
        this.everyMinutes = when.everyMinutes();
        this.runMissed = runMissed;
        this.keep = keep;
        this.createdAt = now;
        this.nextFiring = when.next(now);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getOwner() {
        return owner;
    }

    public boolean ownerSeesAll() {
        return ownerSeesAll;
    }

    public List<String> exports() {
        return ExportJobs.list(exports);
    }

    public Scope scope() {
        return Scope.valueOf(scope.toUpperCase(java.util.Locale.ROOT));
    }

    public String getScopeValue() {
        return scopeValue.isEmpty() ? null : scopeValue;
    }

    public String getFormat() {
        return format;
    }

    public When when() {
        return new When(cron, ZoneId.of(timeZone), everyMinutes);
    }

    public boolean isSinceLastRun() {
        return Boolean.TRUE.equals(sinceLastRun);
    }

    /** Its runs record marks: they export since the last run, or only the sessions changed since it. */
    public boolean isIncremental() {
        return isSinceLastRun() || scope() == Scope.CHANGED;
    }

    public boolean isRunMissed() {
        return runMissed;
    }

    public int getKeep() {
        return keep;
    }

    public Instant getNextFiring() {
        return nextFiring;
    }

    void setNextFiring(Instant nextFiring) {
        this.nextFiring = nextFiring;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
