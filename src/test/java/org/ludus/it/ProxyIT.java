package org.ludus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ludus.bots.LiveSocket;
import org.ludus.bots.Participants;
import org.ludus.testkit.LudusApi;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Ludus set up as README "Behind a proxy" tells an operator: Debian's nginx ends TLS with docs/nginx/ludus.conf
 * in front of a WildFly with wildfly-config/behind-proxy.cli applied and LUDUS_PUBLIC_URL its https address.
 * Everything the test does goes through https://127.0.0.1:{nginx's port}: REST, the pages in Chromium, their
 * live sockets over wss://, and clients from other loopback addresses.
 * <p>
 * A plain JUnit test: it starts its own server (SecondServer, port offset 200) and no Arquillian one.
 */
class ProxyIT {

    private static final SecondServer SERVER = new SecondServer("proxy-server");
    private static final Nginx NGINX = new Nginx("proxy-nginx");
    private static String base;
    private static HttpClient http;

    private final List<ChromeDriver> browsers = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        NGINX.start(8080 + SecondServer.PORT_OFFSET);
        base = NGINX.base();
        http = HttpClient.newBuilder().sslContext(NGINX.tls()).followRedirects(HttpClient.Redirect.NEVER).build();
        SERVER.prepare().configure(Path.of("wildfly-config/behind-proxy.cli"))
                .environment("LUDUS_PUBLIC_URL", base)
                .start();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            SERVER.stop();
        } finally {
            NGINX.stop();
        }
    }

    @AfterEach
    void quit() {
        Browsers.quitAllCheckingPolicy(browsers);
    }

    @Test
    void livePagesWorkOverWssThroughTheProxy() throws Exception {
        JsonObject created = createSession(3);
        List<String> links = created.getJsonArray("participant_urls").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList();
        assertEquals(3, links.size());
        for (String link : links) {
            assertTrue(link.startsWith(base + "/InitializeParticipant/"), "a link on the public address: " + link);
        }
        assertTrue(created.getString("session_wide_url").startsWith(base + "/join/"), created.toString());

        for (String link : links.subList(0, 2)) {
            ChromeDriver browser = Browsers.open("--ignore-certificate-errors-spki-list=" + spkiHash(NGINX.certificate()));
            browsers.add(browser);
            // every socket the page opens, recorded before the page's own scripts run
            browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                    "window.socketUrls = []; window.WebSocket = new Proxy(window.WebSocket, {construct(target, args)"
                            + " { window.socketUrls.push(String(args[0])); return new target(...args); }});"));
            browser.get(link);
            Browsers.waitFor(browser).until(b -> "open".equals(browser.executeScript("return ludus.state()")));
            assertEquals("https:", browser.executeScript("return location.protocol"));
            @SuppressWarnings("unchecked")
            List<String> sockets = (List<String>) browser.executeScript("return window.socketUrls");
            assertEquals(1, sockets.size(), sockets.toString());
            assertTrue(sockets.get(0).startsWith("wss://127.0.0.1:" + NGINX.httpsPort() + "/live/"), sockets.get(0));
        }

        AuctionBrowserIT.bid(browsers.get(0), "42");
        for (ChromeDriver browser : browsers) {
            AuctionBrowserIT.awaitHistory(browser, List.of("1:42"));
        }
        AuctionBrowserIT.bid(browsers.get(1), "50");
        for (ChromeDriver browser : browsers) {
            AuctionBrowserIT.awaitHistory(browser, List.of("1:42", "2:50"));
        }
    }

    @Test
    void aLiveSocketFromAForeignPageIsRefusedThroughTheProxy() throws Exception {
        String code = participantCodes(createSession(3)).get(0);
        int page = Participants.start(http, URI.create(base), code);
        URI live = LiveSocket.liveUri(URI.create(base), code, page, "proxy-origin");
        assertTrue(live.toString().startsWith("wss://"), live.toString());

        CompletionException refused = assertThrows(CompletionException.class, () -> http.newWebSocketBuilder()
                .header("Origin", "https://evil.example").buildAsync(live, new WebSocket.Listener() { }).join());
        assertTrue(refused.getCause() instanceof WebSocketHandshakeException handshake
                && handshake.getResponse().statusCode() == 403, String.valueOf(refused.getCause()));

        // the public origin is this site's: the socket opens and answers
        var first = new CompletableFuture<String>();
        WebSocket allowed = http.newWebSocketBuilder().header("Origin", base)
                .buildAsync(live, new WebSocket.Listener() {
                    @Override
                    public java.util.concurrent.CompletionStage<?> onText(WebSocket socket, CharSequence data,
                            boolean last) {
                        first.complete(data.toString());
                        return null;
                    }
                }).join();
        allowed.sendText("{\"type\":\"state\"}", true).join();
        assertTrue(first.get(20, TimeUnit.SECONDS).contains("\"type\""), "an answer over wss:// through nginx");
        allowed.abort();
    }

    /**
     * WildFly sees the client's address that nginx forwards, not nginx's own, and not one a client claims: the
     * session-wide link gives one address at most ludus.room.new.seats.per.minute (10 in the ITs) new seats a
     * minute. Ten seats from one address, each request claiming another address in X-Forwarded-For, use up
     * that address's minute; another loopback address still gets a seat. Each answer is on the public https
     * address (redirect, Secure cookie), whatever the client put in X-Forwarded-Host or -Proto.
     */
    @Test
    void wildFlySeesTheForwardedClientAddressAndTheHttpsScheme() throws Exception {
        int perMinute = 10;
        for (int attempt = 0; ; attempt++) {
            long minute = System.currentTimeMillis() / 60_000;
            JsonObject created = createSession(perMinute + 2);
            URI join = URI.create(created.getString("session_wide_url"));
            InetAddress one = RawHttp.freshAddress();
            List<RawHttp.Answer> answers = new ArrayList<>();
            for (int i = 0; i <= perMinute; i++) {
                answers.add(RawHttp.sendOverTls(NGINX.tls(), one, join, "GET", join.getRawPath(), List.of(
                        "X-Forwarded-For: 203.0.113." + (i + 1), "X-Forwarded-Host: evil.example",
                        "X-Forwarded-Proto: http")));
            }
            RawHttp.Answer other = RawHttp.sendOverTls(NGINX.tls(), RawHttp.freshAddress(), join, "GET",
                    join.getRawPath(), List.of());
            if (System.currentTimeMillis() / 60_000 != minute && attempt == 0) {
                continue; // the server's one-minute window turned in between: once more, in one minute
            }
            for (RawHttp.Answer seat : answers.subList(0, perMinute)) {
                assertOnThePublicAddress(seat);
            }
            assertEquals(429, answers.get(perMinute).status(),
                    "the eleventh new seat from one address, whatever its X-Forwarded-For said");
            assertOnThePublicAddress(other);
            return;
        }
    }

    /**
     * Without LUDUS_METRICS_KEY, /metrics is for a scraper on the machine asking WildFly directly: through the
     * proxy, whose visitors all look like this machine, it is refused.
     */
    @Test
    void theMetricsAreNotServedThroughTheProxy() throws Exception {
        HttpResponse<String> proxied = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, proxied.statusCode(), proxied.body());
        assertTrue(proxied.body().contains("LUDUS_METRICS_KEY"), proxied.body());
        HttpResponse<String> direct = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                SERVER.base().resolve("/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, direct.statusCode(), direct.body());
        assertTrue(direct.body().contains("ludus_live_connections{"), direct.body());
    }

    private static void assertOnThePublicAddress(RawHttp.Answer seat) {
        assertEquals(302, seat.status(), seat.headers() + "\n" + seat.body());
        URI location = URI.create(base + "/").resolve(seat.header("Location").get(0));
        assertTrue(location.toString().startsWith(base + "/InitializeParticipant/"), "redirected to " + location);
        String cookie = seat.header("Set-Cookie").stream().filter(c -> c.startsWith("ludus_join_")).findFirst()
                .orElseThrow(() -> new AssertionError("no seat cookie: " + seat.headers()));
        assertTrue(List.of(cookie.split(";\\s*")).stream().anyMatch("Secure"::equalsIgnoreCase),
                "the cookie is Secure over https: " + cookie);
    }

    private static JsonObject createSession(int participants) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/sessions/"))
                .header("otree-rest-key", System.getProperty("ludus.it.restKey"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"session_config_name\":\"auction\",\"num_participants\":"
                        + participants + "}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return LudusApi.json(response.body());
    }

    private static List<String> participantCodes(JsonObject created) {
        return created.getJsonArray("participant_urls").getValuesAs(JsonString.class).stream()
                .map(url -> url.getString().substring(url.getString().lastIndexOf('/') + 1)).toList();
    }

    /** The certificate's key as chromium's --ignore-certificate-errors-spki-list names it: trusted, nothing else. */
    private static String spkiHash(Path certificate) throws Exception {
        try (var pem = Files.newInputStream(certificate)) {
            byte[] key = CertificateFactory.getInstance("X.509").generateCertificate(pem).getPublicKey().getEncoded();
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(key));
        }
    }
}
