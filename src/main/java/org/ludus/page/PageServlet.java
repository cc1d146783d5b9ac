package org.ludus.page;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.ludus.web.ErrorPage;

/**
 * Participant pages: /InitializeParticipant/{code} starts a participant, /p/{code}/{index} shows a page (GET)
 * and submits it (POST, the Next button).
 */
@WebServlet(urlPatterns = {"/p/*", "/InitializeParticipant/*"})
public class PageServlet extends HttpServlet {

    @Inject
    PageFlow flow;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = pathParts(request);
        if ("/InitializeParticipant".equals(request.getServletPath()) && parts.length == 1) {
            write(request, response, guarded(() -> flow.start(parts[0])), HttpServletResponse.SC_FOUND);
        } else {
            withPage(parts, request, response, (code, index) -> flow.show(code, index), HttpServletResponse.SC_FOUND);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // 303: after a POST the browser must GET the page it is sent to, so a reload does not re-submit
        request.setCharacterEncoding("UTF-8");
        var form = request.getParameterMap();
        withPage(pathParts(request), request, response, (code, index) -> flow.submit(code, index, form),
                HttpServletResponse.SC_SEE_OTHER);
    }

    private interface PageAction {
        PageFlow.Outcome apply(String code, int index);
    }

    private void withPage(String[] parts, HttpServletRequest request, HttpServletResponse response, PageAction action,
            int redirectStatus) throws IOException {
        if (parts.length != 2 || !parts[1].matches("\\d{1,6}")) {
            notFound(request, response);
            return;
        }
        int index = Integer.parseInt(parts[1]);
        write(request, response, guarded(() -> action.apply(parts[0], index)), redirectStatus);
    }

    private static String[] pathParts(HttpServletRequest request) {
        String path = request.getPathInfo();
        return path == null || path.length() < 2 ? new String[0] : path.substring(1).split("/");
    }

    /** Runs a page action; a session whose app is gone gets a page that says so, not a stack trace. */
    private static PageFlow.Outcome guarded(java.util.function.Supplier<PageFlow.Outcome> action) {
        try {
            return action.get();
        } catch (PageSequence.AppGone gone) {
            return new PageFlow.Unavailable("error.app_gone");
        }
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, PageFlow.Outcome outcome,
            int redirectStatus) throws IOException {
        if (outcome instanceof PageFlow.Html html) {
            response.setContentType("text/html;charset=UTF-8");
            response.setHeader("Cache-Control", "no-store");
            response.getWriter().write(html.body());
        } else if (outcome instanceof PageFlow.Redirect redirect) {
            response.setStatus(redirectStatus);
            response.setHeader("Location", redirect.location());
        } else if (outcome instanceof PageFlow.Unavailable unavailable) {
            ErrorPage.participantError(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    unavailable.textKey(), null);
        } else {
            notFound(request, response);
        }
    }

    /** In the server's language: an unknown code has no session. */
    static void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ErrorPage.participantError(request, response, HttpServletResponse.SC_NOT_FOUND, "error.no_page", null);
    }
}
