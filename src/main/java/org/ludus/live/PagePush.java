package org.ludus.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.ludus.page.PageFlow;
import org.ludus.page.ParticipantMoved;

/** After a server-side move commits, the participant's open pages are told to follow. */
@ApplicationScoped
public class PagePush {

    @Inject
    LiveConnections connections;

    void onMoved(@Observes(during = TransactionPhase.AFTER_SUCCESS) ParticipantMoved moved) {
        connections.sendToOtherPages(moved.participantCode(), moved.pageIndex(),
                LiveProtocol.movedFrame(PageFlow.pageUrl(moved.participantCode(), moved.pageIndex())));
    }
}
