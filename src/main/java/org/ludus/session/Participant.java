package org.ludus.session;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hibernate.annotations.DynamicUpdate;

/** A person taking part in a session, identified by an unguessable code. */
@Entity
@DynamicUpdate // a page move writes three columns of a row that also holds up to 1 MB of vars
// session: a session's participants (admin, export, wait pages); page_expires_at: the timeout sweep, every second
@Table(name = "participant", indexes = {@Index(name = "participant_session_idx", columnList = "session_id"),
        @Index(name = "participant_page_expires_at_idx", columnList = "page_expires_at")})
@NamedQuery(name = "Participant.byCode", query = "select p from Participant p where p.code = :code")
@NamedQuery(name = "Participant.ofSession",
        query = "select p from Participant p where p.session = :session order by p.idInSession")
public class Participant {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "session_id")
    private ExperimentSession session;

    @Column(nullable = false, unique = true, length = 32)
    private String code;

    @Column(name = "id_in_session", nullable = false)
    private int idInSession;

    private String label;

    /** Position in the session's page sequence; equal to its length when the participant has finished. */
    @Column(name = "index_in_pages", nullable = false)
    private int indexInPages;

    @Column(nullable = false)
    private boolean visited;

    /** When the participant opened their start link (oTree's time_started_utc); null until then. */
    @Column(name = "started_at")
    private Instant startedAt;

    /** When the participant arrived on the current page, and when that page times out (null: never). */
    @Column(name = "page_arrived_at")
    private Instant pageArrivedAt;

    @Column(name = "page_expires_at")
    private Instant pageExpiresAt;

    /** oTree's participant.vars: anything an app wants to keep across apps and rounds. */
    @Convert(converter = JsonMapConverter.class)
    @Column(name = "vars_json", length = JsonMapConverter.MAX_JSON)
    private Map<String, Object> vars = new LinkedHashMap<>();

    /**
     * A timeout sweep's claim on the participant's expired page (PageTimeouts): until then, no other sweep
     * (on this node or another) takes the participant.
     */
    @Column(name = "timeout_claimed_until")
    private Instant timeoutClaimedUntil;

    /** When a room or the session-wide link gave this participant to someone; null: not handed out that way. */
    @Column(name = "claimed_at")
    private Instant claimedAt;

    protected Participant() {
    }

    public Participant(ExperimentSession session, String code, int idInSession) {
        this.session = session;
        this.code = code;
        this.idInSession = idInSession;
    }

    public Long getId() {
        return id;
    }

    public ExperimentSession getSession() {
        return session;
    }

    public String getCode() {
        return code;
    }

    public int getIdInSession() {
        return idInSession;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public int getIndexInPages() {
        return indexInPages;
    }

    public void setIndexInPages(int indexInPages) {
        this.indexInPages = indexInPages;
    }

    public Instant getPageArrivedAt() {
        return pageArrivedAt;
    }

    public Instant getPageExpiresAt() {
        return pageExpiresAt;
    }

    /** Puts the participant on a page, arrived now, timing out at {@code expiresAt} (null for no timeout). */
    public void arriveAt(int pageIndex, Instant now, Instant expiresAt) {
        this.indexInPages = pageIndex;
        this.pageArrivedAt = now;
        this.pageExpiresAt = expiresAt;
    }

    public Map<String, Object> getVars() {
        return vars;
    }

    public boolean isVisited() {
        return visited;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getClaimedAt() {
        return claimedAt;
    }

    /** Free for a room or the session-wide link: not handed out yet and not started through its own link. */
    public boolean isFree() {
        return claimedAt == null && !visited && label == null;
    }

    public void claim(Instant at) {
        this.claimedAt = at;
    }

    /** Adds to (or overwrites in) the vars; a new map, so the change is seen however the map is compared. */
    public void updateVars(Map<String, Object> changes) {
        this.vars = Vars.merged(vars, changes);
    }
}
