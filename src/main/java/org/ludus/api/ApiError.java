package org.ludus.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.ludus.session.SessionCreationException;

/** Every API error is JSON {"message": ...} with the fitting status. */
public record ApiError(String message) {

    static Response response(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(message)).build();
    }

    @Provider
    public static class BadRequest implements ExceptionMapper<SessionCreationException> {
        @Override
        public Response toResponse(SessionCreationException e) {
            return response(Response.Status.BAD_REQUEST, e.getMessage());
        }
    }

    @Provider
    public static class Http implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Response.Status status = Response.Status.fromStatusCode(e.getResponse().getStatus());
            String message = e.getMessage() != null ? e.getMessage() : status.getReasonPhrase();
            return response(status == null ? Response.Status.INTERNAL_SERVER_ERROR : status, message);
        }
    }
}
