package org.ludus.admin;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.ludus.lab.AuditLog;
import org.ludus.lab.Caller;
import org.ludus.lab.Permission;
import org.ludus.lab.SessionAccess;
import org.ludus.security.CsrfFilter;
import org.ludus.session.ExperimentSession;
import org.ludus.session.Rooms;
import org.ludus.session.SessionConfigs;
import org.ludus.session.SessionCreationException;
import org.ludus.session.Sessions;

/**
 * The admin pages (admin role only, see web.xml; every POST carries the CSRF token, see {@link CsrfFilter}).
 * Which sessions a caller sees and what they may do with each: {@link SessionAccess}; a session that exists
 * but is not theirs is 403.
 * <pre>
 * GET  /admin/sessions                 sessions, and the form to create one     POST: create
 * GET  /admin/session/{code}           links: participants, session-wide link, room
 * GET  /admin/session/{code}/monitor   live monitor (SSE from {@link MonitorResource}), chart, actions
 * GET  /admin/session/{code}/data      players' fields per app and round
 * GET  /admin/session/{code}/payments  payoffs, currency, participation fee
 * POST /admin/session/{code}/advance   advance the slowest participants
 * POST /admin/session/{code}/close     close the session
 * POST /admin/session/{code}/share     share it with a lab user (subject, role)   …/unshare: take it back
 * GET  /admin/rooms                    rooms and the session open in each
 * GET  /admin/data                     every session's data, as files to download
 * GET  /admin/exports/…                the files themselves ({@link org.ludus.export.ExportServlet})
 * </pre>
 */
@WebServlet("/admin/*")
public class AdminServlet extends HttpServlet {

    @Inject
    AdminPages pages;

    @Inject
    Sessions sessions;

    @Inject
    SessionConfigs configs;

    @Inject
    Rooms rooms;

    @Inject
    SessionMonitor monitor;

    @Inject
    AdminView adminView;

    @Inject
    Caller caller;

    @Inject
    SessionAccess access;

    @Inject
    AuditLog audit;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = parts(request);
        Optional<Map<String, Object>> view;
        String template;
        if (parts.length == 0) {
            response.sendRedirect("/admin/sessions");
            return;
        } else if (parts.length == 1 && "sessions".equals(parts[0])) {
            template = "Sessions";
            view = Optional.of(pages.sessionsList());
        } else if (parts.length == 1 && "rooms".equals(parts[0])) {
            template = "Rooms";
            view = Optional.of(pages.roomsList());
        } else if (parts.length == 1 && "data".equals(parts[0])) {
            if (!caller.isResearcher()) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN, "Only researchers and lab-admins export data.");
                return;
            }
            template = "AllData";
            view = Optional.of(pages.allData());
        } else if (parts.length >= 2 && parts.length <= 3 && "session".equals(parts[0])) {
            String tab = parts.length == 3 ? parts[2] : "links";
            template = switch (tab) {
                case "links" -> "SessionLinks";
                case "monitor" -> "Monitor";
                case "data" -> "Data";
                case "payments" -> "Payments";
                default -> null;
            };
            if (template == null) {
                view = Optional.empty();
            } else {
                Optional<SessionAccess.Allowed> allowed = access.find(parts[1]);
                Permission needed = "links".equals(tab) || "monitor".equals(tab) ? Permission.ASSIST : Permission.RESEARCH;
                if (allowed.isPresent() && !allowed.get().allows(needed)) {
                    forbidden(response, allowed.get(), needed);
                    return;
                }
                view = allowed.flatMap(a -> pages.session(a, tab));
            }
        } else {
            template = null;
            view = Optional.empty();
        }
        if (view.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        render(request, response, template, view.get());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = parts(request);
        if (parts.length == 1 && "sessions".equals(parts[0])) {
            if (!caller.isResearcher()) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN, "Only researchers and lab-admins create sessions.");
                return;
            }
            create(request, response);
            return;
        }
        Optional<Permission> needed = parts.length == 3 && "session".equals(parts[0]) ? switch (parts[2]) {
            case "advance" -> Optional.of(Permission.ASSIST);
            case "close" -> Optional.of(Permission.RESEARCH);
            case "share", "unshare" -> Optional.of(Permission.OWN);
            default -> Optional.empty();
        } : Optional.empty();
        Optional<SessionAccess.Allowed> allowed = needed.isEmpty() ? Optional.empty() : access.find(parts[1]);
        if (allowed.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (!allowed.get().allows(needed.get())) {
            forbidden(response, allowed.get(), needed.get());
            return;
        }
        String code = parts[1];
        switch (parts[2]) {
            case "advance" -> {
                int moved = monitor.advanceSlowest(code);
                audit.record(AuditLog.ADVANCE, code, moved + " participants advanced");
                seeOther(response, "/admin/session/" + code + "/monitor");
            }
            case "close" -> {
                monitor.close(code);
                audit.record(AuditLog.CLOSE, code, null);
                seeOther(response, "/admin/session/" + code + "/monitor");
            }
            default -> share(request, response, code, "share".equals(parts[2]));
        }
    }

    /** Shares the session with a lab user, or takes a share back; a bad choice is shown on the links page. */
    private void share(HttpServletRequest request, HttpServletResponse response, String code, boolean share)
            throws IOException {
        String subject = emptyToNull(request.getParameter("subject"));
        String role = emptyToNull(request.getParameter("role"));
        try {
            if (share) {
                access.share(code, subject, role);
                audit.record(AuditLog.SHARE, code, "with " + subject + " as " + role);
            } else if (subject != null && access.unshare(code, subject)) {
                audit.record(AuditLog.UNSHARE, code, "with " + subject);
            }
            seeOther(response, "/admin/session/" + code);
        } catch (IllegalArgumentException refused) {
            var allowed = access.find(code).orElseThrow();
            Map<String, Object> view = new HashMap<>(pages.session(allowed, "links").orElseThrow());
            view.put("share_error", refused.getMessage());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            render(request, response, "SessionLinks", view);
        }
    }

    private static void forbidden(HttpServletResponse response, SessionAccess.Allowed allowed, Permission needed)
            throws IOException {
        String what = switch (needed) {
            case RESEARCH -> "its data, payments, exports and closing are for its researchers";
            case OWN -> "only its owner and lab-admins share it";
            default -> "it is not shared with you";
        };
        response.sendError(HttpServletResponse.SC_FORBIDDEN, "Session " + allowed.session().getCode() + ": " + what + ".");
    }

    private static void seeOther(HttpServletResponse response, String location) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", location);
    }

    private void create(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String config = request.getParameter("session_config_name");
        String room = emptyToNull(request.getParameter("room_name"));
        if (!access.mayOpenIn(room)) {
            renderCreateError(request, response, HttpServletResponse.SC_FORBIDDEN, "Room " + room
                    + " has a session open that is not yours: its owner or a lab-admin closes it first.");
            return;
        }
        try {
            int count = Integer.parseInt(Optional.ofNullable(request.getParameter("num_participants")).orElse("").strip());
            ExperimentSession session = sessions.create(config, count,
                    modifications(request.getParameter("modified_session_config_fields")), room, caller.subject());
            audit.record(AuditLog.CREATE, session.getCode(), config + ", " + count + " participants"
                    + (room == null ? "" : ", room " + room));
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", "/admin/session/" + session.getCode());
        } catch (NumberFormatException e) {
            renderCreateError(request, response, HttpServletResponse.SC_BAD_REQUEST, "The number of participants must be a whole number.");
        } catch (SessionCreationException e) {
            renderCreateError(request, response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
        }
    }

    private void renderCreateError(HttpServletRequest request, HttpServletResponse response, int status, String error)
            throws IOException {
        Map<String, Object> view = new HashMap<>(pages.sessionsList());
        view.put("error", error);
        view.put("form", Map.of(
                "config", String.valueOf(request.getParameter("session_config_name")),
                "count", String.valueOf(Optional.ofNullable(request.getParameter("num_participants")).orElse("")),
                "room", String.valueOf(Optional.ofNullable(request.getParameter("room_name")).orElse("")),
                "fields", String.valueOf(Optional.ofNullable(request.getParameter("modified_session_config_fields")).orElse(""))));
        response.setStatus(status);
        render(request, response, "Sessions", view);
    }

    /**
     * The create form's "config fields" box: one {@code key = value} per line; numbers and true/false are read
     * as such (the config's own checks then apply, as for the REST API's modified_session_config_fields).
     */
    static Map<String, Object> modifications(String text) {
        var map = new LinkedHashMap<String, Object>();
        if (text == null) {
            return map;
        }
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals < 1) {
                throw new SessionCreationException("config fields: write one 'key = value' per line, not '"
                        + line.strip() + "'");
            }
            String key = line.substring(0, equals).strip();
            String value = line.substring(equals + 1).strip();
            map.put(key, "true".equals(value) || "false".equals(value) ? Boolean.valueOf(value) : number(value));
        }
        return map;
    }

    private static Object number(String value) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            return value;
        }
    }

    private void render(HttpServletRequest request, HttpServletResponse response, String template,
            Map<String, Object> view) throws IOException {
        adminView.render(request, response, template, view);
    }

    private static String[] parts(HttpServletRequest request) {
        String path = request.getPathInfo();
        return path == null || path.length() < 2 ? new String[0] : path.substring(1).split("/");
    }

    private static String emptyToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
