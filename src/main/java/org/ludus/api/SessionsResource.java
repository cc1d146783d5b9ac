package org.ludus.api;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.ludus.session.ExperimentSession;
import org.ludus.session.Participant;
import org.ludus.session.Payoffs;
import org.ludus.session.SessionCreationException;
import org.ludus.session.Sessions;

/** POST /api/sessions/ creates a session; GET /api/sessions/{code} returns it with its participants. */
@Path("sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionsResource {

    public record CreateSession(String sessionConfigName, Integer numParticipants, String roomName,
            Map<String, Object> modifiedSessionConfigFields) {
    }

    public record CreatedSession(String code, int numParticipants, List<String> participantUrls) {
    }

    public record ParticipantView(String code, int idInSession, String label,
            BigDecimal payoffInRealWorldCurrency, String startUrl) {
    }

    public record SessionView(String code, int numParticipants, Map<String, Object> config,
            List<ParticipantView> participants) {
    }

    @Inject
    Sessions sessions;

    @Inject
    Payoffs payoffs;

    @Context
    UriInfo uri;

    @POST
    @Transactional
    public CreatedSession create(CreateSession request) {
        if (request == null || request.sessionConfigName() == null || request.numParticipants() == null) {
            throw new SessionCreationException("session_config_name and num_participants are required");
        }
        if (request.roomName() != null) {
            throw new SessionCreationException("rooms are not available yet");
        }
        ExperimentSession session = sessions.create(request.sessionConfigName(), request.numParticipants(),
                request.modifiedSessionConfigFields());
        List<String> urls = sessions.participants(session).stream().map(this::startUrl).toList();
        return new CreatedSession(session.getCode(), session.getNumParticipants(), urls);
    }

    @GET
    @Path("{code}")
    @Transactional
    public SessionView get(@PathParam("code") String code) {
        ExperimentSession session = sessions.find(code)
                .orElseThrow(() -> new NotFoundException("no session with code '" + code + "'"));
        Map<Long, BigDecimal> money = payoffs.inRealWorldCurrency(session);
        List<ParticipantView> participants = sessions.participants(session).stream()
                .map(p -> new ParticipantView(p.getCode(), p.getIdInSession(), p.getLabel(),
                        money.getOrDefault(p.getId(), BigDecimal.ZERO), startUrl(p)))
                .toList();
        return new SessionView(session.getCode(), session.getNumParticipants(), sessions.config(session),
                participants);
    }

    private String startUrl(Participant participant) {
        URI base = uri.getBaseUri().resolve("/");
        return base.resolve("/InitializeParticipant/" + participant.getCode()).toString();
    }
}
