package org.ludus.session;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ludus.Languages;
import org.ludus.page.Templates;
import org.ludus.security.Secrets;
import org.ludus.security.SignInThrottle;
import org.ludus.web.ErrorPage;

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
    Sessions sessions;

    @Inject
    Templates templates;

    @Inject
    NewSeatLimit newSeats;

    @Inject
    SignInThrottle throttle;

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
            ErrorPage.participantError(request, response, HttpServletResponse.SC_NOT_FOUND, "error.no_room", null);
            return;
        }
        Room room = found.get();
        // the language of the session open in the room, else the server's
        Locale locale = Languages.locale(assignments.openSession(room).map(ExperimentSession::getLanguage).orElse(null));
        Optional<Set<String>> allowed = rooms.labelsOf(room);
        String label = request.getParameter("participant_label");
        label = label == null ? null : label.strip();
        var view = new HashMap<String, Object>(Map.of("room", room, "labelRequired", allowed.isPresent(),
                "passwordRequired", room.password() != null));
        if (label == null || label.isEmpty()) {
            if (allowed.isPresent()) {
                render(response, HttpServletResponse.SC_OK, "form", view, locale);
                return;
            }
            label = null; // a room without label file lets people in without one: a cookie remembers them
        } else if (label.length() > MAX_LABEL_LENGTH || allowed.isPresent() && !allowed.get().contains(label)) {
            view.put("error", Languages.text(locale, "room.error.label"));
            view.put("label", label.length() > MAX_LABEL_LENGTH ? "" : label);
            render(response, HttpServletResponse.SC_FORBIDDEN, "form", view, locale);
            return;
        }
        String password = request.getParameter("password");
        String address = request.getRemoteAddr();
        if (label != null) {
            view.put("label", label);
        }
        if (room.password() != null && password != null) {
            // guesses are slowed down per address (as sign-ins), and are refused before the session row is locked
            String guesser = "room-password " + room.name() + " " + address;
            long wait = throttle.attempt(guesser);
            if (wait > 0) {
                response.setHeader("Retry-After", String.valueOf(wait));
                view.put("error", Languages.text(locale, "room.error.throttled", wait));
                render(response, 429, "form", view, locale);
                return;
            }
            if (!Secrets.same(room.password(), password)) {
                view.put("error", Languages.text(locale, "room.error.password")); // counted by attempt()
                render(response, HttpServletResponse.SC_FORBIDDEN, "form", view, locale);
                return;
            }
            throttle.succeeded(guesser);
            rememberPassword(room, request, response);
        }
        boolean passwordGiven = room.password() == null || password != null
                || Secrets.same(passwordCookieValue(room), cookie(request, passwordCookieName(room)));
        var outcome = assignments.enterRoom(room, label, cookie(request, cookieName(room)), passwordGiven,
                () -> newSeats.take("room " + room.name() + " " + address, NewSeatLimit.perMinute(room)));
        if (outcome instanceof RoomAssignments.PasswordRequired) {
            render(response, HttpServletResponse.SC_OK, "form", view, locale);
            return;
        }
        follow(outcome, cookieName(room), request, response, view, locale);
    }

    private void join(String code, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!Codes.looksLikeCode(code)) {
            ErrorPage.participantError(request, response, HttpServletResponse.SC_NOT_FOUND, "error.no_session", null);
            return;
        }
        Locale locale = Languages.locale(sessions.find(code).map(ExperimentSession::getLanguage).orElse(null));
        String cookieName = "ludus_join_" + code;
        String address = request.getRemoteAddr();
        // a session open in a room with a password is joined through the room, which asks for it: its
        // session-wide link must not be a way around the password (a browser that has its seat keeps it)
        Optional<Room> locked = sessions.find(code).map(ExperimentSession::getRoomName).flatMap(rooms::find)
                .filter(room -> room.password() != null);
        if (locked.isPresent()) {
            var returning = assignments.joinSession(code, cookie(request, cookieName), () -> false);
            if (returning instanceof RoomAssignments.Assigned) {
                follow(returning, cookieName, request, response, new HashMap<>(), locale);
            } else {
                response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                response.setHeader("Location", "/room/" + locked.get().name());
            }
            return;
        }
        var outcome = assignments.joinSession(code, cookie(request, cookieName),
                () -> newSeats.take("join " + code + " " + address, NewSeatLimit.DEFAULT_PER_MINUTE));
        if (outcome instanceof RoomAssignments.NoSession) {
            ErrorPage.participantError(request, response, HttpServletResponse.SC_NOT_FOUND, "error.no_open_session",
                    locale.toLanguageTag());
            return;
        }
        follow(outcome, cookieName, request, response, new HashMap<>(), locale);
    }

    private void follow(RoomAssignments.Outcome outcome, String cookieName, HttpServletRequest request,
            HttpServletResponse response, Map<String, Object> view, Locale locale) throws IOException {
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
            render(response, HttpServletResponse.SC_OK, "waiting", view, locale);
        } else if (outcome instanceof RoomAssignments.TooManyNewSeats) {
            response.setHeader("Retry-After", "60");
            render(response, 429, "busy", view, locale);
        } else {
            render(response, HttpServletResponse.SC_OK, "full", view, locale);
        }
    }

    private void render(HttpServletResponse response, int status, String mode, Map<String, Object> view,
            Locale locale) throws IOException {
        view.put("mode", mode);
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(templates.render("ludus/Room.peb", view, locale));
    }

    /**
     * A browser that gave the room's password keeps a cookie that proves it (an HMAC of the room and its
     * password under a key made at deployment), so the waiting page's reloads and a later return need not
     * ask again; the password itself is never stored in the browser.
     */
    private void rememberPassword(Room room, HttpServletRequest request, HttpServletResponse response) {
        var cookie = new Cookie(passwordCookieName(room), passwordCookieValue(room));
        cookie.setPath("/room/" + room.name());
        cookie.setHttpOnly(true);
        cookie.setMaxAge(COOKIE_DAYS * 24 * 3600);
        cookie.setAttribute("SameSite", "Lax");
        cookie.setSecure(request.isSecure());
        response.addCookie(cookie);
    }

    private static String passwordCookieName(Room room) {
        return "ludus_room_" + room.name() + "_admitted";
    }

    private static String passwordCookieValue(Room room) {
        try {
            var mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(COOKIE_KEY, "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal((room.name() + "\n" + room.password())
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final byte[] COOKIE_KEY = randomKey();

    private static byte[] randomKey() {
        var key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return key;
    }


    private static String cookieName(Room room) {
        return "ludus_room_" + room.name();
    }

    private static String cookie(HttpServletRequest request, String name) {
        return request.getCookies() == null ? null : Arrays.stream(request.getCookies())
                .filter(c -> name.equals(c.getName())).map(Cookie::getValue).findFirst().orElse(null);
    }
}
