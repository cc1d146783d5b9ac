package org.ludus.session;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ludus.page.Templates;

/**
 * Participants' way into sessions without personal links. /room/{name}: enter a label (or come with
 * {@code ?participant_label=}), wait until a session is open in the room (the page reloads itself every few
 * seconds: no socket needed for a lobby), then go to that label's participant. /join/{session code}: the
 * session-wide link; a cookie keeps one participant per browser. Who may take a seat: {@link Room}.
 */
@WebServlet(urlPatterns = {"/room/*", "/join/*"})
public class RoomServlet extends HttpServlet {

    public static final int MAX_LABEL_LENGTH = 100;
    static final int WAIT_REFRESH_SECONDS = 3;
    private static final int COOKIE_DAYS = 30;

    @Inject
    Rooms rooms;

    @Inject
    RoomAssignments assignments;

    @Inject
    Templates templates;

    @Inject
    NewSeatLimit newSeats;

    /** The room's form is posted when it asks for a password (which then stays out of URLs and logs). */
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        doGet(request, response);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        String name = path == null || path.length() < 2 ? "" : path.substring(1);
        response.setHeader("Cache-Control", "no-store");
        if ("/join".equals(request.getServletPath())) {
            join(name, request, response);
        } else {
            room(name, request, response);
        }
    }

    private void room(String name, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Room> found = rooms.find(name);
        if (found.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such room");
            return;
        }
        Room room = found.get();
        Optional<Set<String>> allowed = rooms.labelsOf(room);
        String label = request.getParameter("participant_label");
        label = label == null ? null : label.strip();
        var view = new HashMap<String, Object>(Map.of("room", room, "labelRequired", allowed.isPresent(),
                "passwordRequired", room.password() != null));
        if (label == null || label.isEmpty()) {
            if (allowed.isPresent()) {
                render(response, HttpServletResponse.SC_OK, "form", view);
                return;
            }
            label = null; // a room without label file lets people in without one: a cookie remembers them
        } else if (label.length() > MAX_LABEL_LENGTH || allowed.isPresent() && !allowed.get().contains(label)) {
            view.put("error", "This participant label is not on the list for this room.");
            view.put("label", label.length() > MAX_LABEL_LENGTH ? "" : label);
            render(response, HttpServletResponse.SC_FORBIDDEN, "form", view);
            return;
        }
        String password = request.getParameter("password");
        boolean passwordGiven = room.password() == null || password != null && MessageDigest.isEqual(
                room.password().getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8));
        String address = request.getRemoteAddr();
        var outcome = assignments.enterRoom(room, label, cookie(request, cookieName(room)), passwordGiven,
                () -> newSeats.take("room " + room.name() + " " + address, NewSeatLimit.perMinute(room)));
        if (label != null) {
            view.put("label", label);
        }
        if (outcome instanceof RoomAssignments.PasswordRequired) {
            if (password != null) {
                view.put("error", "That is not this room's password.");
            }
            render(response, password == null ? HttpServletResponse.SC_OK : HttpServletResponse.SC_FORBIDDEN,
                    "form", view);
            return;
        }
        follow(outcome, cookieName(room), request, response, view);
    }

    private void join(String code, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!Codes.looksLikeCode(code)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such session");
            return;
        }
        String cookieName = "ludus_join_" + code;
        String address = request.getRemoteAddr();
        var outcome = assignments.joinSession(code, cookie(request, cookieName),
                () -> newSeats.take("join " + code + " " + address, NewSeatLimit.DEFAULT_PER_MINUTE));
        if (outcome instanceof RoomAssignments.NoSession) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such session, or it is closed");
            return;
        }
        follow(outcome, cookieName, request, response, new HashMap<>());
    }

    private void follow(RoomAssignments.Outcome outcome, String cookieName, HttpServletRequest request,
            HttpServletResponse response, Map<String, Object> view) throws IOException {
        if (outcome instanceof RoomAssignments.Assigned assigned) {
            var cookie = new Cookie(cookieName, assigned.participantCode());
            cookie.setPath("/");
            cookie.setHttpOnly(true);
            cookie.setMaxAge(COOKIE_DAYS * 24 * 3600);
            cookie.setAttribute("SameSite", "Lax");
            cookie.setSecure(request.isSecure());
            response.addCookie(cookie);
            response.sendRedirect("/InitializeParticipant/" + assigned.participantCode());
        } else if (outcome instanceof RoomAssignments.NoSession) {
            view.put("refreshSeconds", WAIT_REFRESH_SECONDS);
            render(response, HttpServletResponse.SC_OK, "waiting", view);
        } else if (outcome instanceof RoomAssignments.TooManyNewSeats) {
            response.setHeader("Retry-After", "60");
            render(response, 429, "busy", view);
        } else {
            render(response, HttpServletResponse.SC_OK, "full", view);
        }
    }

    private void render(HttpServletResponse response, int status, String mode, Map<String, Object> view)
            throws IOException {
        view.put("mode", mode);
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(templates.render("ludus/Room.peb", view));
    }

    private static String cookieName(Room room) {
        return "ludus_room_" + room.name();
    }

    private static String cookie(HttpServletRequest request, String name) {
        return request.getCookies() == null ? null : Arrays.stream(request.getCookies())
                .filter(c -> name.equals(c.getName())).map(Cookie::getValue).findFirst().orElse(null);
    }
}
