package org.ludus.session;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.ludus.lab.AuditLog;
import org.ludus.lab.Caller;
import org.ludus.page.Templates;
import org.ludus.security.CsrfFilter;

/**
 * /demo lists the session configs; POST /demo/{config} creates a demo session and shows its participant
 * links at /demo/session/{code}. Counts as admin (role "demo", web.xml): open to everyone only at auth level
 * DEMO (a public demo site, as oTree's) or DEV.
 */
@WebServlet("/demo/*")
public class DemoServlet extends HttpServlet {

    @Inject
    SessionConfigs configs;

    @Inject
    Sessions sessions;

    @Inject
    Templates templates;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null || "/".equals(path)) {
            html(response, templates.render("ludus/Demo.peb", Map.of("configs", configs.all(),
                    "csrf_token", request.getAttribute(CsrfFilter.FIELD))));
            return;
        }
        if (path.startsWith("/session/")) {
            var session = sessions.find(path.substring("/session/".length()));
            if (session.isPresent() && session.get().isDemo()) { // a lab's real sessions are not on the demo page
                html(response, templates.render("ludus/DemoSession.peb", Map.of(
                        "session", session.get(), "participants", sessions.participants(session.get()))));
                return;
            }
        }
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        Optional<SessionConfig> config = path == null ? Optional.empty() : configs.find(path.substring(1));
        if (config.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "no such session config");
            return;
        }
        ExperimentSession session = sessions.createDemo(config.get().name(), config.get().numDemoParticipants(),
                caller.subject());
        audit.record(AuditLog.CREATE, session.getCode(), "demo of " + config.get().name());
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", "/demo/session/" + session.getCode());
    }

    private static void html(HttpServletResponse response, String body) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(body);
    }
}
