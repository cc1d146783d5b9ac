package org.ludus.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.ludus.lab.AuditLog;
import org.ludus.lab.Caller;
import org.ludus.session.ExperimentSession;
import org.ludus.session.Participant;
import org.ludus.session.Payoffs;
import org.ludus.session.Rooms;
import org.ludus.session.SessionCreationException;
import org.ludus.session.Sessions;
import org.ludus.web.PublicUrl;

/**
 * POST /api/sessions/ creates a session (optionally opened in a room); GET /api/sessions/ lists them; GET
 * /api/sessions/{code} returns one with its participants (a researcher's key: their own and those shared with them as researcher). oTree's shapes: snake_case, session_wide_url, admin_url.
 */
@Path("sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionsResource {

    /** The body of POST /api/sessions/, checked by {@link ApiInput}; the count's limit is the server's. */
    public record CreateSession(@NotNull @Size(max = 100) String sessionConfigName, @NotNull Integer numParticipants,
            @Size(max = 100) String roomName, @Size(max = 100) Map<String, Object> modifiedSessionConfigFields) {
    }

    public record CreatedSession(String code, int numParticipants, String sessionWideUrl, String adminUrl,
            String roomName, List<String> participantUrls) {
    }

    public record ParticipantView(String code, int idInSession, String label,
            BigDecimal payoffInRealWorldCurrency, String startUrl) {
    }

    public record SessionView(String code, int numParticipants, String sessionWideUrl, String adminUrl,
            String roomName, String roomUrl, Map<String, Object> config, Map<String, Object> vars,
            List<ParticipantView> participants) {
    }

    /** One session in GET /api/sessions/. */
    public record SessionSummary(String code, String sessionConfigName, int numParticipants, java.time.Instant createdAt,
            boolean closed, String roomName, String sessionWideUrl, String adminUrl) {
    }

    @Inject
    Sessions sessions;

    @Inject
    Payoffs payoffs;

    @Inject
    Rooms rooms;

    @Inject
    ApiAccess apiAccess;

    @Inject
    org.ludus.lab.SessionAccess access;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Context
    HttpServletRequest http;

    @POST
    @Transactional
    public CreatedSession create(CreateSession request) {
        apiAccess.requireResearcher();
        if (request == null) {
            throw new SessionCreationException("session_config_name and num_participants are required");
        }
        if (request.roomName() != null && rooms.find(request.roomName()).isEmpty()) {
            throw new NotFoundException("no room named '" + request.roomName() + "'");
        }
        if (!access.mayOpenIn(request.roomName())) {
            throw new jakarta.ws.rs.ForbiddenException("room '" + request.roomName() + "' has a session open that"
                    + " is not yours: its owner or a lab-admin closes it first");
        }
        ExperimentSession session = sessions.create(request.sessionConfigName(), request.numParticipants(),
                request.modifiedSessionConfigFields(), request.roomName(), caller.subject());
        audit.record(AuditLog.CREATE, session.getCode(), request.sessionConfigName() + ", "
                + request.numParticipants() + " participants, through the REST API");
        List<String> urls = sessions.participants(session).stream().map(this::startUrl).toList();
        return new CreatedSession(session.getCode(), session.getNumParticipants(), url("/join/" + session.getCode()),
                url("/admin/session/" + session.getCode()), session.getRoomName(), urls);
    }

    /** The sessions the key may research (GET {code} answers for each), newest first. */
    @GET
    @Transactional
    public List<SessionSummary> list() {
        apiAccess.requireResearcher();
        return access.visible().stream().filter(apiAccess::mayResearch)
                .map(s -> new SessionSummary(s.getCode(), s.getConfigName(), s.getNumParticipants(), s.getCreatedAt(),
                        s.isClosed(), s.getRoomName(), url("/join/" + s.getCode()), url("/admin/session/" + s.getCode())))
                .toList();
    }

    @GET
    @Path("{code}")
    @Transactional
    public SessionView get(@PathParam("code") String code) {
        ExperimentSession session = apiAccess.session(code);
        Map<Long, BigDecimal> money = payoffs.inRealWorldCurrency(session);
        List<ParticipantView> participants = sessions.participants(session).stream()
                .map(p -> new ParticipantView(p.getCode(), p.getIdInSession(), p.getLabel(),
                        money.getOrDefault(p.getId(), BigDecimal.ZERO), startUrl(p)))
                .toList();
        return new SessionView(session.getCode(), session.getNumParticipants(), url("/join/" + session.getCode()),
                url("/admin/session/" + session.getCode()), session.getRoomName(),
                session.getRoomName() == null ? null : url("/room/" + session.getRoomName()),
                sessions.config(session), session.getVars(), participants);
    }

    private String startUrl(Participant participant) {
        return url("/InitializeParticipant/" + participant.getCode());
    }

    private String url(String path) {
        return PublicUrl.of(http, path);
    }
}
