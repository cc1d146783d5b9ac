package org.ludus.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.ludus.Settings;
import org.ludus.web.PublicUrl;

/**
 * Refuses a live socket handshake from another site's page (cross-site WebSocket hijacking), and is the
 * same check {@link CsrfFilter} makes on admin form posts. A browser sends Origin, and it must name this
 * server (the Host the browser asked for, or {@code LUDUS_PUBLIC_URL}) or an origin listed in
 * {@code LUDUS_ALLOWED_ORIGINS} ({@code -Dludus.allowed.origins}, comma-separated, e.g. a front end on
 * another host). Clients that are not browsers (bots, the JDK client, curl) send no Origin and are let
 * through: cross-site forgery needs a victim's browser, and such a client holds its own code or token.
 */
@WebFilter("/live/*")
public class OriginCheck extends HttpFilter {

    private static final Set<String> ALLOWED = allowedOrigins();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (fromThisSite(request)) {
            chain.doFilter(request, response);
            return;
        }
        response.sendError(HttpServletResponse.SC_FORBIDDEN, "cross-site live sockets are not allowed");
    }

    /** True unless the request says (Origin, or Fetch Metadata) that another site's page sent it. */
    static boolean fromThisSite(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin != null && ALLOWED.contains(origin)) {
            return true;
        }
        if ("cross-site".equals(request.getHeader("Sec-Fetch-Site"))) {
            return false;
        }
        return origin == null || sameHost(origin, request.getHeader("Host"));
    }

    static boolean sameHost(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            if (uri.getHost() == null) {
                return false; // "null": a sandboxed frame or a privacy-stripped origin is not this site
            }
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host.equalsIgnoreCase(authority) || host.equalsIgnoreCase(uri.getHost() + ":"
                    + ("https".equals(uri.getScheme()) ? 443 : 80));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Set<String> allowedOrigins() {
        var origins = new HashSet<String>();
        Settings.text("ludus.allowed.origins", "LUDUS_ALLOWED_ORIGINS").ifPresent(list -> Arrays.stream(list.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).forEach(origins::add));
        PublicUrl.configured().map(PublicUrl::originOf).ifPresent(origins::add);
        return Set.copyOf(origins);
    }
}
