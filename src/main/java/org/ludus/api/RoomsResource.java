package org.ludus.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.ludus.session.ExperimentSession;
import org.ludus.session.RoomAssignments;
import org.ludus.session.Rooms;
import org.ludus.web.PublicUrl;

/**
 * GET /api/rooms/: every room with its link and the session open in it. A session the key may not research
 * is not there (session_code null), as for the vars routes.
 */
@Path("rooms")
@Produces(MediaType.APPLICATION_JSON)
public class RoomsResource {

    public record RoomView(String name, String displayName, String roomWideUrl, String sessionCode) {
    }

    @Inject
    Rooms rooms;

    @Inject
    RoomAssignments assignments;

    @Inject
    ApiAccess apiAccess;

    @Context
    HttpServletRequest http;

    @GET
    @Transactional
    public List<RoomView> all() {
        apiAccess.requireResearcher();
        return rooms.all().stream() // by name
                .map(room -> new RoomView(room.name(), room.displayName(), PublicUrl.of(http, "/room/" + room.name()),
                        assignments.openSession(room).filter(apiAccess::mayResearch).map(ExperimentSession::getCode)
                                .orElse(null)))
                .toList();
    }
}
