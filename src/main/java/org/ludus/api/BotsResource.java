package org.ludus.api;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ludus.bots.AuctionBot;
import org.ludus.lab.AuditLog;
import org.ludus.session.ExperimentSession;
import org.ludus.session.Participant;
import org.ludus.session.SessionCreationException;
import org.ludus.session.Sessions;

/**
 * POST /api/sessions/{code}/bots: bots take the session's participants nobody has started yet and play
 * them through the real socket (the server connects to itself), e.g. to fill a demo session. Auction only
 * for now. {@code wait: true} answers when they are done, with what they did.
 */
@Path("sessions/{code}/bots")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BotsResource {

    private static final Logger LOG = Logger.getLogger(BotsResource.class.getName());

    /** Checked by {@link ApiInput}. */
    public record RunBots(@Min(1) Integer numParticipants, @Min(1) @Max(10_000) Integer bidsPerPlayer,
            @DecimalMin("0") @DecimalMax("1000") Double bidsPerSecond, @JsonbProperty("wait") Boolean waitUntilDone) {
    }

    public record Started(String message, List<String> participants) {
    }

    @Inject
    Sessions sessions;

    @Inject
    ApiAccess apiAccess;

    @Inject
    AuditLog audit;

    @Resource
    ManagedExecutorService executor;

    @Context
    HttpServletRequest servletRequest;

    @POST
    public Response run(@PathParam("code") String code, RunBots request) throws Exception {
        RunBots run = request != null ? request : new RunBots(null, null, null, null);
        ExperimentSession session = apiAccess.session(code);
        if (!"auction".equals(session.getConfigName())) {
            throw new SessionCreationException("bots play the auction only so far, not '" + session.getConfigName() + "'");
        }
        List<String> free = sessions.participants(session).stream().filter(p -> !p.isVisited())
                .map(Participant::getCode).toList();
        int count = run.numParticipants() == null ? free.size() : run.numParticipants();
        if (count < 1 || count > free.size()) {
            throw new SessionCreationException("num_participants must be 1 to " + free.size()
                    + " (the participants nobody has started)");
        }
        List<String> players = free.subList(0, count);
        int bids = run.bidsPerPlayer() == null ? 20 : run.bidsPerPlayer();
        double rate = run.bidsPerSecond() == null ? 2 : run.bidsPerSecond();
        // the server itself, at the address and port this request came in on: never a host the request names
        String address = servletRequest.getLocalAddr();
        URI base = URI.create("http://" + (address.contains(":") ? "[" + address + "]" : address) + ":"
                + servletRequest.getLocalPort() + "/");
        audit.record(AuditLog.BOTS, code, players.size() + " bots");
        var report = executor.supplyAsync(() -> AuctionBot.play(base, players, bids, rate));
        if (Boolean.TRUE.equals(run.waitUntilDone())) {
            return Response.ok(report.get()).build();
        }
        report.whenComplete((done, error) -> {
            if (error != null) {
                LOG.log(Level.WARNING, "bots of session " + code + " failed", error);
            }
        });
        return Response.accepted(new Started(players.size() + " bots are playing", players)).build();
    }
}
