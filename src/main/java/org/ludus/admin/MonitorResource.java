package org.ludus.admin;

import jakarta.inject.Inject;
import org.ludus.lab.Permission;
import org.ludus.lab.SessionAccess;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * GET /admin/api/sessions/{code}/monitor: Server-Sent Events, one {@code snapshot} event (JSON) now and one
 * whenever the session's monitor changes. EventSource reconnects by itself, and unlike a WebSocket, another
 * site's page cannot read the stream with the admin's cookie (same-origin policy).
 */
@Path("sessions/{code}/monitor")
public class MonitorResource {

    @Inject
    MonitorStreams streams;

    @Inject
    SessionAccess access;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@PathParam("code") String code, @Context SseEventSink sink, @Context Sse sse) {
        var allowed = access.find(code);
        if (allowed.isPresent() && !allowed.get().allows(Permission.ASSIST)) {
            throw new ForbiddenException("session " + code + " is not shared with you");
        }
        if (allowed.isEmpty() || !streams.open(code, sink, sse)) {
            throw new NotFoundException("no session " + code);
        }
    }
}
