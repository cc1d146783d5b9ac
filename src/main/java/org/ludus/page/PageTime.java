package org.ludus.page;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** When a participant arrived on a page and when they left it: the page-times export reads these. */
@Entity
@Table(name = "page_time", indexes = @Index(name = "page_time_participant", columnList = "participant_id, page_index"))
@NamedQuery(name = "PageTime.open", query = "select t from PageTime t where t.participantId = :participant"
        + " and t.pageIndex = :index and t.completedAt is null")
public class PageTime {

    @Id
    @GeneratedValue
    private Long id;

    @Column(name = "session_id", nullable = false)
    private Long sessionId;

    @Column(name = "participant_id", nullable = false)
    private Long participantId;

    @Column(name = "participant_code", nullable = false, length = 32)
    private String participantCode;

    @Column(name = "app_name", nullable = false)
    private String appName;

    @Column(name = "round_number", nullable = false)
    private int roundNumber;

    @Column(name = "page_name", nullable = false)
    private String pageName;

    @Column(name = "page_index", nullable = false)
    private int pageIndex;

    @Column(name = "arrived_at", nullable = false)
    private Instant arrivedAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "timeout_happened", nullable = false)
    private boolean timeoutHappened;

    @Column(name = "wait_page")
    private Boolean waitPage;

    protected PageTime() {
    }

    PageTime(Long sessionId, Long participantId, String participantCode, PageRef page, Instant arrivedAt) {
        this.sessionId = sessionId;
        this.participantId = participantId;
        this.participantCode = participantCode;
        this.appName = page.app().name();
        this.roundNumber = page.round();
        this.pageName = page.name();
        this.pageIndex = page.index();
        this.waitPage = page.isWaitPage();
        this.arrivedAt = arrivedAt;
    }

    void complete(Instant at, boolean timeoutHappened) {
        this.completedAt = at;
        this.timeoutHappened = timeoutHappened;
    }

    public String getPageName() {
        return pageName;
    }

    public Instant getArrivedAt() {
        return arrivedAt;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public boolean isTimeoutHappened() {
        return timeoutHappened;
    }
}
