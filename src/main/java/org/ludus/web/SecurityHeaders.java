package org.ludus.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.ludus.Settings;

/**
 * Browser-side protections on every response. The admin pages (and the login) get a strict
 * Content-Security-Policy: scripts and styles only from this server, no inline code, never framed by
 * another site. Participant pages run the author's inline scripts (oTree's model: a page's
 * {@code liveRecv} lives in its template) and may load libraries from CDNs, so theirs allows inline code and
 * https sources but keeps {@code connect-src 'self'} (a page talks to this server only, also over the live
 * socket) and no plugins; {@code LUDUS_PAGE_CSP} replaces it. {@code Referrer-Policy: same-origin} keeps
 * participant codes, which are in the page URLs, from reaching other sites.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeaders extends HttpFilter {

    /**
     * With university sign-in on, the sign-out form's answer sends the browser on to the identity provider,
     * which {@code form-action} must allow (browsers apply it to a form's redirects too).
     */
    static final String ADMIN_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'"
            + Settings.text("ludus.oidc.issuer", "LUDUS_OIDC_ISSUER").map(PublicUrl::originOf).map(o -> " " + o)
                    .orElse("")
            + "; frame-ancestors 'none'";


    /** Frame ancestors are not restricted by default: panels such as MTurk show the study in a frame. */
    static final String PAGE_POLICY = Settings.text("ludus.page.csp", "LUDUS_PAGE_CSP").orElse(
            "default-src 'self'; script-src 'self' 'unsafe-inline' https:; style-src 'self' 'unsafe-inline' https:;"
            + " img-src 'self' data: blob: https:; font-src 'self' data: https:; media-src 'self' blob: https:;"
            + " connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/admin") || path.startsWith("/admin/")) {
            response.setHeader("Content-Security-Policy", ADMIN_POLICY);
            response.setHeader("X-Frame-Options", "DENY");
        } else {
            response.setHeader("Content-Security-Policy", PAGE_POLICY);
        }
        chain.doFilter(request, response);
    }
}
