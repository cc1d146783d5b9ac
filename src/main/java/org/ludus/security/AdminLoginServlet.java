package org.ludus.security;

import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.ludus.page.Templates;

/** /admin/login shows the login form and signs in through Jakarta Security; /admin/logout signs out. */
@WebServlet({"/admin/login", "/admin/logout"})
public class AdminLoginServlet extends HttpServlet {

    @Inject
    SecurityContext security;

    @Inject
    SecuritySettings settings;

    @Inject
    Templates templates;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("/admin/logout".equals(request.getServletPath())) {
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED, "sign out with the button");
            return;
        }
        form(request, response, null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("/admin/logout".equals(request.getServletPath())) {
            var session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            response.sendRedirect("/admin/login");
            return;
        }
        String username = request.getParameter("username");
        String password = request.getParameter("password");
        if (username == null || password == null) {
            form(request, response, "Enter the user name and the password.");
            return;
        }
        AuthenticationStatus status = security.authenticate(request, response, AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(username, new Password(password)))
                .newAuthentication(true));
        if (status == AuthenticationStatus.SUCCESS) {
            CsrfFilter.renew(request.getSession());
            response.sendRedirect(safeNext(request.getParameter("next")));
        } else {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            form(request, response, "Wrong user name or password.");
        }
    }

    private void form(HttpServletRequest request, HttpServletResponse response, String error) throws IOException {
        var context = new HashMap<String, Object>();
        context.put("csrf_token", request.getAttribute(CsrfFilter.FIELD)); // no server session before a login
        context.put("next", safeNext(request.getParameter("next")));
        context.put("error", error);
        context.put("configured", settings.adminUsername().isPresent() && settings.adminPassword().isPresent());
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(templates.render("ludus/admin/Login.peb", Map.copyOf(withoutNulls(context))));
    }

    /** Only a path on this server: a login must not become an open redirect to another site. */
    static String safeNext(String next) {
        return next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\")
                ? next : "/admin/sessions";
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> map) {
        map.values().removeIf(v -> v == null);
        return map;
    }
}
