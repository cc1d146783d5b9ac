package org.ludus.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ludus.session.InvalidRequest;

/**
 * Every API error is JSON {"message": ...} with the fitting status: 4xx for what the client sent, with a
 * message that names the field; 500 only for the server's own failures, with a reference into its log and
 * nothing about its insides (no class, table or column names, no stack trace).
 */
public record ApiError(String message) {

    private static final Logger LOG = Logger.getLogger(ApiError.class.getName());

    static Response response(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(message)).build();
    }

    @Provider
    public static class BadRequest implements ExceptionMapper<InvalidRequest> {
        @Override
        public Response toResponse(InvalidRequest e) {
            return response(Response.Status.BAD_REQUEST, e.getMessage());
        }
    }

    @Provider
    public static class Http implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Response.Status status = Response.Status.fromStatusCode(e.getResponse().getStatus());
            if (status == null) {
                status = Response.Status.BAD_REQUEST;
            }
            String message = e.getMessage();
            // the framework's own messages ("RESTEASY003210: …", "HTTP 404 Not Found") say nothing to a client
            if (message == null || message.startsWith("RESTEASY") || message.startsWith("HTTP ")) {
                message = status.getReasonPhrase();
            }
            return response(status, message);
        }
    }

    /** Anything else is the server's failure: logged with a reference, answered without its details. */
    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.log(Level.WARNING, "a REST request failed (ref " + reference + ")", e);
            return response(Response.Status.INTERNAL_SERVER_ERROR, "the server could not handle the request"
                    + " (server log ref " + reference + ")");
        }
    }
}
