package org.ludus.ops;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Optional;
import org.ludus.Settings;
import org.ludus.security.Secrets;

/**
 * {@code GET /metrics}: this node's metrics ({@link Metrics}) in Prometheus's text format. With
 * {@code LUDUS_METRICS_KEY} set, a scraper sends it as {@code Authorization: Bearer …}; without one, only this
 * machine may read them (a Prometheus or an agent on the server itself, asking WildFly directly), never the
 * participants' internet, also not through a proxy on this machine.
 */
@WebServlet("/metrics")
public class MetricsServlet extends HttpServlet {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final Optional<String> KEY = Settings.text("ludus.metrics.key", "LUDUS_METRICS_KEY");

    @Inject
    Metrics metrics;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (KEY.isPresent()) {
            String given = request.getHeader("Authorization");
            if (given == null || !given.startsWith("Bearer ") || !Secrets.same(KEY.get(), given.substring(7).strip())) {
                response.setHeader("WWW-Authenticate", "Bearer realm=\"ludus-metrics\"");
                plain(response, HttpServletResponse.SC_UNAUTHORIZED,
                        "metrics need Authorization: Bearer and the server's LUDUS_METRICS_KEY");
                return;
            }
        } else if (!fromThisMachine(request.getRemoteAddr()) || throughAProxy(request)) {
            plain(response, HttpServletResponse.SC_FORBIDDEN, "metrics are served to this machine only; set"
                    + " LUDUS_METRICS_KEY to let a scraper elsewhere read them with that key");
            return;
        }
        response.setContentType(CONTENT_TYPE);
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(metrics.scrape());
    }

    /**
     * A request a proxy forwarded: behind a proxy on the same machine every request comes from a loopback address
     * (or, with WildFly's proxy-address-forwarding, from the address the proxy names, which is loopback for a
     * visitor on the machine), so the proxy's own headers tell an outside visitor from a local scraper.
     */
    static boolean throughAProxy(HttpServletRequest request) {
        return PROXY_HEADERS.stream().anyMatch(header -> request.getHeader(header) != null);
    }

    private static final java.util.List<String> PROXY_HEADERS = java.util.List.of("X-Forwarded-For",
            "X-Forwarded-Proto", "X-Forwarded-Host", "Forwarded", "X-Real-IP");

    /** A loopback address (127.0.0.0/8, ::1); never a name, which would need a look-up. */
    static boolean fromThisMachine(String remoteAddress) {
        if (remoteAddress == null || !remoteAddress.matches("[0-9A-Fa-f:.]{2,45}")) {
            return false;
        }
        try {
            return InetAddress.getByName(remoteAddress).isLoopbackAddress();
        } catch (IOException notAnAddress) {
            return false;
        }
    }

    private static void plain(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain; charset=utf-8");
        response.getWriter().write(message + "\n");
    }
}
