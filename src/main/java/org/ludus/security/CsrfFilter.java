package org.ludus.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * CSRF protection for the admin and demo forms: a random token per HTTP session, put into every form
 * ({@code csrf_token}, or the {@code X-CSRF-Token} header for scripts) and checked on every POST. Another
 * site cannot read the token, so it cannot forge a POST that the admin's browser would send with its cookie.
 */
// async: the monitor's event stream (/admin/api/...) passes this filter and must stay open
@WebFilter(urlPatterns = {"/admin/*", "/demo/*", "/demo"}, asyncSupported = true)
public class CsrfFilter extends HttpFilter {

    public static final String FIELD = "csrf_token";
    public static final String HEADER = "X-CSRF-Token";
    private static final String SESSION_KEY = "ludus.csrfToken";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        request.setCharacterEncoding("UTF-8");
        if ("POST".equals(request.getMethod())) {
            HttpSession session = request.getSession(false);
            String expected = session == null ? null : (String) session.getAttribute(SESSION_KEY);
            String given = request.getHeader(HEADER) != null ? request.getHeader(HEADER) : request.getParameter(FIELD);
            if (expected == null || given == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                    given.getBytes(StandardCharsets.UTF_8))) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN,
                        "The form is out of date (missing or wrong CSRF token); reload the page and try again.");
                return;
            }
        }
        request.setAttribute(FIELD, tokenOf(request.getSession(true)));
        chain.doFilter(request, response);
    }

    public static String tokenOf(HttpSession session) {
        synchronized (session) {
            String token = (String) session.getAttribute(SESSION_KEY);
            if (token == null) {
                token = renew(session);
            }
            return token;
        }
    }

    /** A fresh token, e.g. at login, so a token seen before the login is worthless after it. */
    public static String renew(HttpSession session) {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        session.setAttribute(SESSION_KEY, token);
        return token;
    }
}
