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
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Refuses a live socket handshake from another site's page (cross-site WebSocket hijacking): a browser
 * always sends Origin, and it must name this server (the Host the browser asked for) or an origin listed in
 * {@code ludus.allowed.origins} (comma-separated, e.g. a front end on another host). Clients that are not
 * browsers (bots, the JDK client) send no Origin and are let through; they have the participant code anyway.
 */
@WebFilter("/live/*")
public class OriginCheck extends HttpFilter {

    private final Set<String> allowed = Arrays.stream(System.getProperty("ludus.allowed.origins", "").split(","))
            .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        if (origin == null || allowed.contains(origin) || sameHost(origin, request.getHeader("Host"))) {
            chain.doFilter(request, response);
            return;
        }
        response.sendError(HttpServletResponse.SC_FORBIDDEN, "cross-site live sockets are not allowed");
    }

    static boolean sameHost(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host.equalsIgnoreCase(authority) || host.equalsIgnoreCase(uri.getHost() + ":"
                    + ("https".equals(uri.getScheme()) ? 443 : 80));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
