package org.ludus.api;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.ludus.session.ExperimentSession;
import org.ludus.session.Room;
import org.ludus.session.RoomAssignments;
import org.ludus.session.RoomServlet;
import org.ludus.session.Rooms;

/**
 * oTree's vars routes, both addressed by room: POST /api/participant_vars/ {room_name, participant_label, vars}
 * keeps vars for a label (given to its participant on arrival, or now if it is there); POST /api/session_vars/
 * {room_name, vars} adds to the vars of the session open in the room.
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RoomVarsResource {

    /** Checked by {@link ApiInput}; the vars' size by {@link org.ludus.session.Vars}. */
    public record ParticipantVars(@NotNull @Size(max = 100) String roomName,
            @NotBlank @Size(max = RoomServlet.MAX_LABEL_LENGTH) String participantLabel,
            @NotNull Map<String, Object> vars) {
    }

    public record SessionVars(@NotNull @Size(max = 100) String roomName, @NotNull Map<String, Object> vars) {
    }

    public record Done(String message) {
    }

    @Inject
    Rooms rooms;

    @Inject
    RoomAssignments assignments;

    @Inject
    ApiAccess apiAccess;

    @POST
    @Path("participant_vars")
    public Done participantVars(ParticipantVars request) {
        if (request == null) {
            throw new BadRequestException("room_name, participant_label and vars are required");
        }
        apiAccess.requireResearcher();
        Room room = room(request.roomName());
        assignments.openSession(room).filter(open -> !apiAccess.mayResearch(open)).ifPresent(open -> {
            // as for session_vars: a session the key may not see is not there
            throw new NotFoundException("no session of yours is open in room '" + room.name() + "'");
        });
        assignments.storeParticipantVars(room, request.participantLabel().strip(), request.vars());
        return new Done("stored");
    }

    @POST
    @Path("session_vars")
    @Transactional
    public Done sessionVars(SessionVars request) {
        if (request == null) {
            throw new BadRequestException("room_name and vars are required");
        }
        apiAccess.requireResearcher();
        ExperimentSession session = assignments.openSession(room(request.roomName())).filter(apiAccess::mayResearch)
                .orElseThrow(() -> new NotFoundException("no session is open in room '" + request.roomName() + "'"));
        session.updateVars(request.vars());
        return new Done("stored");
    }

    private Room room(String name) {
        return rooms.find(name).orElseThrow(() -> new NotFoundException("no room named '" + name + "'"));
    }
}
