package org.ludus.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Optional;
import java.util.logging.Logger;
import org.ludus.Settings;

/**
 * The address participants and researchers reach this server at, for the links it hands out (start links,
 * room and session URLs). Set {@code LUDUS_PUBLIC_URL} (or {@code -Dludus.public.url}), e.g.
 * {@code https://lab.example.edu}: links are then built from it and never from a request's Host header,
 * which any client may set (a forged Host would otherwise put another site's address into the links).
 * Without it (a developer's machine), links follow the Host the request was sent to.
 */
public final class PublicUrl {

    private static final Logger LOG = Logger.getLogger(PublicUrl.class.getName());

    private static final Optional<String> CONFIGURED = Settings.text("ludus.public.url", "LUDUS_PUBLIC_URL")
            .map(PublicUrl::checked);

    static {
        if (CONFIGURED.isEmpty()) {
            LOG.info("LUDUS_PUBLIC_URL is not set: links are built from each request's Host header."
                    + " Set it on a server others reach (README, 'Behind a proxy').");
        }
    }

    private PublicUrl() {
    }

    /** The configured public URL, without a trailing slash, if there is one. */
    public static Optional<String> configured() {
        return CONFIGURED;
    }

    /** Scheme, host and port (no trailing slash) of the links for this request. */
    public static String base(HttpServletRequest request) {
        return CONFIGURED.orElseGet(() -> request.getScheme() + "://" + request.getServerName()
                + (defaultPort(request.getScheme(), request.getServerPort()) ? "" : ":" + request.getServerPort())
                + request.getContextPath());
    }

    /** The origin ({@code scheme://host[:port]}) of a URL, as a browser's {@code Origin} header names it. */
    public static String originOf(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    /** An absolute link to a path on this server, e.g. {@code /InitializeParticipant/abc}. */
    public static String of(HttpServletRequest request, String path) {
        return base(request) + path;
    }

    private static boolean defaultPort(String scheme, int port) {
        return "http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443;
    }

    /** Stops the deployment on a value that could only build broken links, with a message that names it. */
    static String checked(String text) {
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("LUDUS_PUBLIC_URL is not a URL: '" + text + "'");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalStateException("LUDUS_PUBLIC_URL must be http(s)://host[:port][/path], not '" + text + "'");
        }
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
