package org.ludus.security;

import jakarta.json.Json;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The error page for 401 (web.xml): JSON {"message"} for the REST API, as oTree's clients expect, plain text
 * elsewhere. An error page, because the container itself sends the 401 after a failed authentication.
 */
@WebServlet("/error/unauthorized")
public class UnauthorizedServlet extends HttpServlet {

    static final String MESSAGE = "ludus.unauthorized";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Object message = request.getAttribute(MESSAGE);
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        if (uri != null && String.valueOf(uri).startsWith("/api/")) {
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write(Json.createObjectBuilder()
                    .add("message", message != null ? String.valueOf(message) : "unauthorized").build().toString());
        } else {
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("Sign in at /admin/login first.");
        }
    }
}
