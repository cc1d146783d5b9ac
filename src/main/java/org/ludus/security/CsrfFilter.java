package org.ludus.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.ludus.web.FormLimits;

/**
 * CSRF protection for the admin and demo forms. Every POST must
 * <ul>
 * <li>come from this site: {@link OriginCheck#fromThisSite} (a browser's Origin and Fetch Metadata);</li>
 * <li>carry the token ({@code csrf_token} in the form body, or the {@code X-CSRF-Token} header for scripts),
 * never in the URL, where it would reach logs, proxies and Referer headers.</li>
 * </ul>
 * A signed-in admin's token lives in the HTTP session. A visitor without one (the login form, a public demo)
 * gets no server session: the token is a random cookie that the form repeats (double submit), so an
 * anonymous GET costs the server nothing to keep. Another site can read neither, so it cannot forge a post.
 */
// async: the monitor's event stream (/admin/api/...) passes this filter and must stay open
@WebFilter(urlPatterns = {"/admin/*", "/demo/*", "/demo"}, asyncSupported = true)
public class CsrfFilter extends HttpFilter {

    public static final String FIELD = "csrf_token";
    public static final String HEADER = "X-CSRF-Token";
    static final String COOKIE = "ludus_csrf";
    private static final String SESSION_KEY = "ludus.csrfToken";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        request.setCharacterEncoding("UTF-8");
        if (FormLimits.refused(request, response)) {
            return;
        }
        if ("POST".equals(request.getMethod())) {
            String refusal = refusal(request);
            if (refusal != null) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN, refusal);
                return;
            }
        }
        request.setAttribute(FIELD, token(request, response));
        chain.doFilter(request, response);
    }

    private static String refusal(HttpServletRequest request) {
        if (!OriginCheck.fromThisSite(request)) {
            return "Forms of this server can only be sent from its own pages.";
        }
        if (request.getQueryString() != null && inQuery(request.getQueryString())) {
            return "The CSRF token belongs in the form or the " + HEADER + " header, not in the URL.";
        }
        String expected = expectedToken(request);
        String given = request.getHeader(HEADER) != null ? request.getHeader(HEADER) : request.getParameter(FIELD);
        if (!Secrets.same(expected, given)) {
            return "The form is out of date (missing or wrong CSRF token); reload the page and try again.";
        }
        return null;
    }

    private static boolean inQuery(String query) {
        // names as the container decodes them: "csrf%5Ftoken" is csrf_token too
        return Arrays.stream(query.split("&")).map(pair -> pair.split("=", 2)[0]).anyMatch(name -> {
            try {
                return FIELD.equals(java.net.URLDecoder.decode(name, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformed) {
                return false;
            }
        });
    }

    private static String expectedToken(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_KEY) instanceof String token) {
            return token;
        }
        return cookieToken(request);
    }

    /** The token for the forms of this response: the session's if signed in, else the visitor's cookie. */
    private static String token(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            return tokenOf(session);
        }
        String token = cookieToken(request);
        if (token == null) {
            token = random();
            var cookie = new Cookie(COOKIE, token);
            cookie.setPath("/");
            cookie.setHttpOnly(true);
            cookie.setSecure(request.isSecure());
            cookie.setAttribute("SameSite", "Strict");
            response.addCookie(cookie);
        }
        return token;
    }

    private static String cookieToken(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return null;
        }
        return Arrays.stream(request.getCookies()).filter(c -> COOKIE.equals(c.getName()))
                .map(Cookie::getValue).filter(v -> v.length() == 64).findFirst().orElse(null);
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
        String token = random();
        session.setAttribute(SESSION_KEY, token);
        return token;
    }

    private static String random() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
