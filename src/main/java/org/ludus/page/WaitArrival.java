package org.ludus.page;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/** A participant has arrived on a wait page (one row per participant and wait page). */
@Entity
// the arrival counts of a group's and a round's wait pages (WaitPages), which every arrival runs
@Table(name = "wait_arrival", uniqueConstraints = @UniqueConstraint(columnNames = {"participant_id", "page_index"}),
        indexes = {@Index(name = "wait_arrival_group_idx", columnList = "group_id, page_index"),
                @Index(name = "wait_arrival_subsession_idx", columnList = "subsession_id, page_index")})
public class WaitArrival {

    @Id
    @GeneratedValue
    private Long id;

    @Column(name = "subsession_id", nullable = false)
    private Long subsessionId;

    @Column(name = "page_index", nullable = false)
    private int pageIndex;

    @Column(name = "participant_id", nullable = false)
    private Long participantId;

    /** The group the player was in on arrival; for grouping by arrival time, null until grouped. */
    @Column(name = "group_id")
    private Long groupId;

    @Column(name = "arrived_at", nullable = false)
    private Instant arrivedAt;

    protected WaitArrival() {
    }

    WaitArrival(Long subsessionId, int pageIndex, Long participantId, Long groupId, Instant arrivedAt) {
        this.subsessionId = subsessionId;
        this.pageIndex = pageIndex;
        this.participantId = participantId;
        this.groupId = groupId;
        this.arrivedAt = arrivedAt;
    }

    public Long getParticipantId() {
        return participantId;
    }

    void setGroupId(Long groupId) {
        this.groupId = groupId;
    }
}
