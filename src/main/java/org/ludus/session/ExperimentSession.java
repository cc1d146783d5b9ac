package org.ludus.session;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hibernate.annotations.ColumnDefault;

/** One run of an experiment: a session config, its participants and its subsessions. */
@Entity
@Table(name = "ludus_session")
@NamedQuery(name = "ExperimentSession.byCode", query = "select s from ExperimentSession s where s.code = :code")
@NamedQuery(name = "ExperimentSession.all", query = "select s from ExperimentSession s order by s.createdAt desc, s.id desc")
@NamedQuery(name = "ExperimentSession.openInRoom", query = "select s from ExperimentSession s where s.roomName = :room"
        + " and s.closedAt is null order by s.createdAt desc, s.id desc")
@NamedQuery(name = "ExperimentSession.visibleTo", query = "select s from ExperimentSession s where s.owner = :subject"
        + " or exists (select 1 from SessionShare share where share.session = s and share.subject = :subject)"
        + " order by s.createdAt desc, s.id desc")
@NamedQuery(name = "ExperimentSession.researchableBy", query = "select s.code from ExperimentSession s"
        + " where s.owner = :subject or exists (select 1 from SessionShare share where share.session = s"
        + " and share.subject = :subject and share.role = :role)")
public class ExperimentSession {

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false, unique = true, length = 32)
    private String code;

    @Column(name = "config_name", nullable = false)
    private String configName;

    /** The session config's values with the session's modifications applied, as JSON. */
    @Column(name = "config_json", nullable = false, length = JsonMapConverter.MAX_JSON)
    private String configJson;

    @jakarta.persistence.Transient
    private jakarta.json.JsonObject parsedConfig;

    @Column(name = "num_participants", nullable = false)
    private int numParticipants;

    /**
     * The page sequence as it was when the session was created (PageBeans): a redeploy that changes an app's
     * pages does not move running participants; null for sessions from before it was kept.
     */
    @Column(name = "page_sequence", length = JsonMapConverter.MAX_JSON)
    private String pageSequence;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** oTree's session.vars. */
    @Convert(converter = JsonMapConverter.class)
    @Column(name = "vars_json", length = JsonMapConverter.MAX_JSON)
    private Map<String, Object> vars = new LinkedHashMap<>();

    /** The room the session is open in (participants join it through /room/{name}), or null. */
    @Column(name = "room_name")
    private String roomName;

    /** Created from the demo page (oTree's is_demo). */
    @ColumnDefault("false") // a table that already has rows gets the column too
    @Column(nullable = false)
    private boolean demo;

    /** When an experimenter closed the session: no one joins it any more (room, session-wide link). */
    @Column(name = "closed_at")
    private Instant closedAt;

    /**
     * Who created it: a lab user's subject (org.ludus.lab.LabUser), "local:rest-api" for the server's REST key; null
     * for sessions from before owners were kept (only lab-admins see those).
     */
    @Column(name = "owner_subject")
    private String owner;

    /**
     * The language its participants see (org.ludus.Languages: the config's {@code language}, else the server's
     * when the session was created); null for sessions from before it was kept (they get the server's).
     */
    @Column(name = "language", length = 35)
    private String language;

    protected ExperimentSession() {
    }

    public ExperimentSession(String code, String configName, String configJson, int numParticipants) {
        this.code = code;
        this.configName = configName;
        this.configJson = configJson;
        this.numParticipants = numParticipants;
        this.createdAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getConfigName() {
        return configName;
    }

    public String getConfigJson() {
        return configJson;
    }

    /**
     * A value of the session's config, with the session's modifications (oTree's
     * {@code session.config['pie']}): a number is a BigDecimal, a text a String, a flag a Boolean; null if the
     * config has no such key.
     */
    public Object config(String key) {
        if (parsedConfig == null) { // parsed once per loaded session, not on every read in a live method
            parsedConfig = org.ludus.JsonText.readObject(configJson);
        }
        jakarta.json.JsonValue value = parsedConfig.get(key);
        if (value == null || value == jakarta.json.JsonValue.NULL) {
            return null;
        }
        return switch (value.getValueType()) {
            case NUMBER -> ((jakarta.json.JsonNumber) value).bigDecimalValue();
            case STRING -> ((jakarta.json.JsonString) value).getString();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            default -> value;
        };
    }

    /** A numeric value of the session's config ({@link #config(String)}), or {@code otherwise} without one. */
    public java.math.BigDecimal configNumber(String key, java.math.BigDecimal otherwise) {
        return config(key) instanceof java.math.BigDecimal number ? number : otherwise;
    }

    public int getNumParticipants() {
        return numParticipants;
    }

    public String getPageSequence() {
        return pageSequence;
    }

    public void setPageSequence(String pageSequence) {
        this.pageSequence = pageSequence;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Map<String, Object> getVars() {
        return vars;
    }

    public String getRoomName() {
        return roomName;
    }

    public void setRoomName(String roomName) {
        this.roomName = roomName;
    }

    public String getOwner() {
        return owner;
    }

    void setOwner(String owner) {
        this.owner = owner;
    }

    public String getLanguage() {
        return language;
    }

    /** The locale of the language its participants see (for an older session without one, the server's). */
    public java.util.Locale getLocale() {
        return org.ludus.Languages.locale(language);
    }

    void setLanguage(String language) {
        this.language = language;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public boolean isDemo() {
        return demo;
    }

    public void markDemo() {
        demo = true;
    }

    public boolean isClosed() {
        return closedAt != null;
    }

    public void close(Instant at) {
        if (closedAt == null) {
            closedAt = at;
        }
    }

    /** Adds to (or overwrites in) the vars; a new map, so the change is seen however the map is compared. */
    public void updateVars(Map<String, Object> changes) {
        this.vars = Vars.merged(vars, changes);
    }
}
