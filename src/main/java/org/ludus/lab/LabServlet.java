package org.ludus.lab;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.ludus.admin.AdminView;
import org.ludus.security.Roles;

/**
 * The lab's own pages (under the admin login, web.xml; POSTs carry the CSRF token):
 * <pre>
 * GET  /admin/users               lab-admin: everyone who signed in, their roles     POST: grant a role (subject, role)
 * GET  /admin/keys                researcher: their REST keys (lab-admin: all)       POST: create one (label), shown once
 * POST /admin/keys/{id}/revoke    the key's owner or a lab-admin
 * GET  /admin/audit               lab-admin: the audit log (?session= for one session's)
 * </pre>
 */
@WebServlet({"/admin/users", "/admin/keys", "/admin/keys/*", "/admin/audit"})
public class LabServlet extends HttpServlet {

    @Inject
    AdminView view;

    @Inject
    Caller caller;

    @Inject
    LabUsers users;

    @Inject
    RestKeys keys;

    @Inject
    AuditLog audit;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        switch (request.getServletPath()) {
            case "/admin/users" -> {
                if (labAdmin(response)) {
                    usersPage(request, response, null);
                }
            }
            case "/admin/keys" -> {
                if (researcher(response)) {
                    keysPage(request, response, null);
                }
            }
            case "/admin/audit" -> {
                if (labAdmin(response)) {
                    String session = Optional.ofNullable(request.getParameter("session")).map(String::strip)
                            .filter(code -> !code.isEmpty()).orElse(null);
                    if (session != null && !org.ludus.session.Codes.looksLikeCode(session)) {
                        response.sendError(HttpServletResponse.SC_BAD_REQUEST, "That is not a session code.");
                        return;
                    }
                    var page = new HashMap<String, Object>();
                    page.put("entries", audit.recent(session));
                    page.put("limit", AuditLog.PAGE);
                    if (session != null) {
                        page.put("session_code", session);
                    }
                    view.render(request, response, "Audit", page);
                }
            }
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath() + Optional.ofNullable(request.getPathInfo()).orElse("");
        if ("/admin/users".equals(path)) {
            if (labAdmin(response)) {
                grant(request, response);
            }
        } else if ("/admin/keys".equals(path)) {
            String label = Optional.ofNullable(request.getParameter("label")).map(String::strip).orElse("");
            if (label.length() > RestKeys.MAX_LABEL) {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST, "A key's label has at most "
                        + RestKeys.MAX_LABEL + " characters.");
            } else if (researcher(response)) {
                RestKeys.Created created = keys.create(caller.subject(), label);
                audit.record(AuditLog.CREATE_KEY, null, "key " + created.key().getKeyStart() + "… '"
                        + created.key().getLabel() + "'");
                keysPage(request, response, created.text());
            }
        } else if (path.matches("/admin/keys/\\d{1,18}/revoke")) {
            revoke(request, response, Long.parseLong(path.split("/")[3])); // an owner revokes whatever their role now
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private void grant(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String subject = request.getParameter("subject");
        String role = request.getParameter("role");
        try {
            if (!users.grant(subject, role)) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND, "No lab user has that subject.");
                return;
            }
            audit.record(AuditLog.GRANT_ROLE, null, subject + ": " + (role == null || role.isBlank() ? "none" : role));
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", "/admin/users");
        } catch (IllegalArgumentException refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            usersPage(request, response, refused.getMessage());
        }
    }

    private void revoke(HttpServletRequest request, HttpServletResponse response, long id) throws IOException {
        Optional<RestKey> key = keys.find(id);
        if (key.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such key.");
            return;
        }
        if (!caller.isLabAdmin() && !key.get().getOwner().equals(caller.subject())) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Only its owner and lab-admins revoke a key.");
            return;
        }
        keys.revoke(id);
        audit.record(AuditLog.REVOKE_KEY, null, "key " + key.get().getKeyStart() + "… of " + key.get().getOwner());
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", "/admin/keys");
    }

    private void usersPage(HttpServletRequest request, HttpServletResponse response, String error) throws IOException {
        var page = new HashMap<String, Object>();
        page.put("users", users.all());
        page.put("roles", List.copyOf(new java.util.TreeSet<>(Roles.LAB_ROLES)));
        if (error != null) {
            page.put("error", error);
        }
        view.render(request, response, "Users", page);
    }

    private void keysPage(HttpServletRequest request, HttpServletResponse response, String newKey)
            throws IOException {
        List<RestKey> shown = caller.isLabAdmin() ? keys.all() : keys.ofOwner(caller.subject());
        Map<String, String> names = users.all().stream().collect(Collectors.toMap(LabUser::getSubject, LabUser::getName));
        var page = new HashMap<String, Object>();
        page.put("keys", shown.stream().map(key -> Map.of("key", key,
                "owner_name", names.getOrDefault(key.getOwner(), key.getOwner()))).toList());
        if (newKey != null) {
            page.put("new_key", newKey);
        }
        view.render(request, response, "Keys", page);
    }

    private boolean labAdmin(HttpServletResponse response) throws IOException {
        return allowed(response, caller.isLabAdmin(), "This page is for lab-admins.");
    }

    private boolean researcher(HttpServletResponse response) throws IOException {
        return allowed(response, caller.isResearcher(), "REST keys are for researchers and lab-admins.");
    }

    private static boolean allowed(HttpServletResponse response, boolean allowed, String why) throws IOException {
        if (!allowed) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, why);
        }
        return allowed;
    }
}
