package org.ludus.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.ludus.live.LiveConnections;
import org.ludus.page.PageBeans;
import org.ludus.page.PageRef;
import org.ludus.page.PageFlow;
import org.ludus.page.PageSequence;
import org.ludus.session.ExperimentSession;
import org.ludus.session.Participant;
import org.ludus.session.Sessions;

/** What the live monitor shows: where each participant is, whether their page is connected, the chart's points. */
@ApplicationScoped
public class SessionMonitor {

    /** One participant's line; {@code arrivedAt} in epoch milliseconds (the page counts the time on page). */
    public record Row(int idInSession, String code, String label, String app, Integer round, String page,
            int pageIndex, String status, boolean connected, Long arrivedAt) {
    }

    /** {@code problem}: why the session cannot go on (its app is no longer deployed), or null. */
    public record Snapshot(String code, boolean closed, int numPages, List<Row> participants,
            List<LiveActivity.Point> messages, String problem) {
    }

    @Inject
    Sessions sessions;

    @Inject
    PageBeans pageBeans;

    @Inject
    LiveConnections connections;

    @Inject
    LiveActivity activity;

    @Inject
    PageFlow flow;

    @Transactional
    public Optional<Snapshot> snapshot(String code) {
        return sessions.find(code).map(session -> {
            PageSequence sequence;
            String problem = null;
            try {
                sequence = pageBeans.sequenceOf(session);
            } catch (PageSequence.AppGone gone) {
                sequence = new PageSequence(List.of());
                problem = gone.getMessage();
            }
            PageSequence pages = sequence;
            List<Row> rows = sessions.participants(session).stream().map(p -> row(p, pages)).toList();
            return new Snapshot(code, session.isClosed(), sequence.size(), rows, activity.of(code), problem);
        });
    }

    private Row row(Participant participant, PageSequence sequence) {
        Optional<PageRef> page = participant.isVisited() ? sequence.at(participant.getIndexInPages()) : Optional.empty();
        String status = !participant.isVisited() ? "not started"
                : page.isEmpty() ? "finished"
                : page.get().isWaitPage() ? "waiting" : "playing";
        return new Row(participant.getIdInSession(), participant.getCode(), participant.getLabel(),
                page.map(p -> p.app().name()).orElse(null), page.map(PageRef::round).orElse(null),
                page.map(PageRef::name).orElse(null), participant.getIndexInPages(), status,
                connections.isConnected(participant.getCode()),
                page.isPresent() && participant.getPageArrivedAt() != null
                        ? participant.getPageArrivedAt().toEpochMilli() : null);
    }

    /**
     * oTree's "advance slowest participants": those furthest behind (started, not finished) move past their
     * page as on a timeout. Returns how many moved.
     */
    public int advanceSlowest(String code) {
        ExperimentSession session = sessions.find(code).orElseThrow();
        List<Participant> playing = playing(session);
        int slowest = playing.stream().mapToInt(Participant::getIndexInPages).min().orElse(-1);
        int moved = 0;
        for (Participant participant : playing) {
            if (participant.getIndexInPages() == slowest && flow.advance(participant.getId())) {
                moved++;
            }
        }
        return moved;
    }

    private List<Participant> playing(ExperimentSession session) {
        int size;
        try {
            size = pageBeans.sequenceOf(session).size();
        } catch (PageSequence.AppGone gone) {
            return List.of(); // nobody can be moved through pages that are gone
        }
        return sessions.participants(session).stream()
                .filter(p -> p.isVisited() && p.getIndexInPages() < size).toList();
    }

    @Transactional
    public void close(String code) {
        sessions.find(code).ifPresent(session -> session.close(java.time.Instant.now()));
    }
}
