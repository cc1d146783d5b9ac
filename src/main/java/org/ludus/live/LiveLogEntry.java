package org.ludus.live;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One committed live message, written in the message's own transaction: the log is exactly what changed the
 * game, in the order it changed (a refused or rolled-back message leaves no row and takes no {@code seq}).
 * The unique key on (participant, client, message id) is the duplicate guard: a re-send from any tab of a
 * participant finds its row and is acknowledged, never applied again.
 */
@Entity
@Table(name = "live_log", uniqueConstraints = {
        @UniqueConstraint(name = LiveLogEntry.MESSAGE_KEY, columnNames = {"participant_id", "client_id", "message_id"}),
        // the group's commit order, one number per committed message; also the export's order
        @UniqueConstraint(name = "live_log_group_seq_uk", columnNames = {"session_id", "app_name", "group_id", "seq"})})
public class LiveLogEntry {

    /** The name of the duplicate guard's constraint: a violation means "this message was applied already". */
    public static final String MESSAGE_KEY = "live_log_message_uk";

    @Id
    @GeneratedValue
    private Long id;

    @Column(name = "session_id", nullable = false)
    private long sessionId;

    @Column(name = "session_code", nullable = false, length = 32)
    private String sessionCode;

    @Column(name = "app_name", nullable = false)
    private String appName;

    @Column(name = "round_number", nullable = false)
    private int roundNumber;

    @Column(name = "page_index", nullable = false)
    private int pageIndex;

    @Column(name = "page_name", nullable = false)
    private String pageName;

    @Column(name = "group_id", nullable = false)
    private long groupId;

    @Column(name = "group_id_in_subsession", nullable = false)
    private int groupIdInSubsession;

    @Column(name = "participant_id", nullable = false)
    private long participantId;

    @Column(name = "participant_code", nullable = false, length = 32)
    private String participantCode;

    @Column(name = "id_in_group", nullable = false)
    private int idInGroup;

    @Column(name = "client_id", nullable = false, length = 64)
    private String clientId;

    @Column(name = "message_id", nullable = false)
    private long messageId;

    @Column(nullable = false)
    private long seq;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "committed_at", nullable = false)
    private Instant committedAt;

    /** The message's data as the client sent it. Text, not a LOB: PostgreSQL would keep a LOB outside the row. */
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(name = "data_json", nullable = false)
    private String dataJson;

    /** What reached whom: {"id_in_group": payload, …} for every member the routed result went to. */
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(name = "delivered_json", nullable = false)
    private String deliveredJson;

    protected LiveLogEntry() {
    }

    /** The message's place in the game: who sent it, from where, and its number in the group's order. */
    public record Origin(long sessionId, String sessionCode, String appName, int roundNumber, int pageIndex,
            String pageName, long groupId, int groupIdInSubsession, long participantId, String participantCode,
            int idInGroup) {
    }

    LiveLogEntry(Origin origin, String clientId, long messageId, long seq, Instant receivedAt, Instant committedAt,
            String dataJson, String deliveredJson) {
        this.sessionId = origin.sessionId();
        this.sessionCode = origin.sessionCode();
        this.appName = origin.appName();
        this.roundNumber = origin.roundNumber();
        this.pageIndex = origin.pageIndex();
        this.pageName = origin.pageName();
        this.groupId = origin.groupId();
        this.groupIdInSubsession = origin.groupIdInSubsession();
        this.participantId = origin.participantId();
        this.participantCode = origin.participantCode();
        this.idInGroup = origin.idInGroup();
        this.clientId = clientId;
        this.messageId = messageId;
        this.seq = seq;
        this.receivedAt = receivedAt;
        this.committedAt = committedAt;
        this.dataJson = dataJson;
        this.deliveredJson = deliveredJson;
    }

    public long getSeq() {
        return seq;
    }
}
