package org.ludus.web;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** A JSON answer from a servlet, as the REST API gives them: {@code {"message": …}} for a refusal. Not cached. */
public final class JsonReply {

    private JsonReply() {
    }

    public static void write(HttpServletResponse response, int status, jakarta.json.JsonStructure body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(body.toString());
    }

    public static void message(HttpServletResponse response, int status, String message) throws IOException {
        write(response, status, Json.createObjectBuilder().add("message", message).build());
    }
}
