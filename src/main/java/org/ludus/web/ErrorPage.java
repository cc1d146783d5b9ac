package org.ludus.web;

import org.ludus.Languages;
import org.ludus.lab.Caller;
import org.ludus.security.Roles;
import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ludus.page.Templates;

/**
 * Every error the container answers (web.xml maps the status codes and any uncaught exception here):
 * JSON {@code {"message": …}} under /api, as oTree's clients expect, a plain page elsewhere. The message is
 * the one our code passed to {@code sendError}; an exception's own text (which may name classes, tables or
 * columns) is only logged, with a reference the page shows so a report can be matched to the log.
 */
@WebServlet(ErrorPage.PATH)
public class ErrorPage extends HttpServlet {

    static final String PATH = "/error";
    /** A request attribute: the message for a 401 or 429 the authentication mechanism sends. */
    public static final String REFUSAL_MESSAGE = "ludus.refusal";
    /** Request attributes: the key of a participant's error in Ludus's texts, and the language to show it in. */
    static final String TEXT_KEY = "ludus.error.text";
    static final String LANGUAGE = "ludus.error.language";
    /** Participants' paths: their error pages are in the server's language (LUDUS_LANGUAGE), not the admin's English. */
    private static final java.util.List<String> PARTICIPANT_PATHS =
            java.util.List.of("/p/", "/InitializeParticipant/", "/room/", "/join/", "/live/");
    private static final Logger LOG = Logger.getLogger(ErrorPage.class.getName());

    @Inject
    Templates templates;

    /**
     * An error a participant sees: its text is Ludus's {@code key} (ludus/i18n/messages) in {@code language}
     * (a session's; null: the server's). The English text goes to the container as the error's message.
     */
    public static void participantError(HttpServletRequest request, HttpServletResponse response, int status,
            String key, String language) throws IOException {
        request.setAttribute(TEXT_KEY, key);
        request.setAttribute(LANGUAGE, Languages.orDefault(language));
        response.sendError(status, Languages.text(Locale.ENGLISH, key));
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) == null) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND); // asked for directly: there is no error to show
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write(templates.render("ludus/Error.peb", Map.of("code", 404, "message", "Not found.")));
            return;
        }
        String uri = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int code = status instanceof Integer number ? number : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        boolean api = uri.startsWith(request.getContextPath() + "/api/");
        Locale locale = api ? Locale.ENGLISH : locale(request, uri); // the API's messages are English
        String message = message(request, code, uri, api, locale);
        if (api) {
            JsonReply.message(response, code, message);
        } else {
            if (request.getAttribute(TEXT_KEY) instanceof String key && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) == null) {
                message = Languages.text(locale, key);
            }
            response.setStatus(code);
            response.setHeader("Cache-Control", "no-store");
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write(templates.render("ludus/Error.peb", Map.of("code", code, "message", message),
                    locale));
        }
    }

    /** A participant's error page in their session's language, or the server's; others in English. */
    private static Locale locale(HttpServletRequest request, String uri) {
        if (request.getAttribute(LANGUAGE) instanceof String language) {
            return Languages.locale(language);
        }
        String path = uri.substring(Math.min(uri.length(), request.getContextPath().length()));
        return PARTICIPANT_PATHS.stream().anyMatch(path::startsWith) ? Languages.locale(null) : Locale.ENGLISH;
    }

    private static String message(HttpServletRequest request, int code, String uri, boolean api, Locale locale) {
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.log(Level.SEVERE, "request " + uri + " failed (reference " + reference + ")", failure);
            return Languages.text(locale, "error.server_ref", reference);
        }
        if (code == HttpServletResponse.SC_UNAUTHORIZED) {
            Object reason = request.getAttribute(REFUSAL_MESSAGE);
            return api ? (reason != null ? String.valueOf(reason) : "unauthorized") : "Sign in at /admin/login first.";
        }
        if (request.getAttribute(REFUSAL_MESSAGE) != null) {
            return String.valueOf(request.getAttribute(REFUSAL_MESSAGE));
        }
        if (code == HttpServletResponse.SC_FORBIDDEN && request.getUserPrincipal() != null && !api
                && uri.startsWith(request.getContextPath() + "/admin") && !request.isUserInRole(Roles.ADMIN)) {
            Object name = request.getAttribute(Caller.NAME);
            return "You are signed in as " + (name != null ? name : request.getUserPrincipal().getName())
                    + " but have no access yet: ask your lab's admin for a role.";
        }
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        if (code == HttpServletResponse.SC_INTERNAL_SERVER_ERROR) {
            // whatever sent it, its text is not for the client
            return Languages.text(locale, "error.server");
        }
        if (message == null || String.valueOf(message).isBlank()) {
            return reason(code, locale);
        }
        return String.valueOf(message);
    }

    static String reason(int code, Locale locale) {
        return switch (code) {
            case 400 -> Languages.text(locale, "error.bad_request");
            case 403 -> Languages.text(locale, "error.forbidden");
            case 404 -> Languages.text(locale, "error.not_found");
            case 405 -> Languages.text(locale, "error.method");
            case 413 -> Languages.text(locale, "error.too_large");
            default -> Languages.text(locale, "error.other", String.valueOf(code));
        };
    }
}
