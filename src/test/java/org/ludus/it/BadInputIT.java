package org.ludus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ludus.testkit.Database;
import org.ludus.testkit.LiveClient;
import org.ludus.testkit.LudusApi;
import org.ludus.testkit.LudusIT;

/**
 * What an outsider tries (issue 10), against the test server in its production mode (admin login and REST
 * key set, LUDUS_PUBLIC_URL set): each gets a clear answer that names no internal class, table or column, and
 * loses nothing. The last test plays an honest auction on the same server.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputIT extends LudusIT {

    /** What an answer to a client must never show: server products' message codes, classes, SQL. */
    private static final Pattern INTERNAL = Pattern.compile(
            "RESTEASY\\d|ARJUNA\\d|UT\\d{6}|WFLY|HHH\\d|org\\.(ludus|hibernate|jboss|h2|postgresql)|java\\.(lang|io)"
                    + "|Exception|\\tat |SQL|VARCHAR|ludus_session|constraint", Pattern.CASE_INSENSITIVE);

    private static String sessionBody(String config, String numParticipants, String modified) {
        return "{\"session_config_name\":\"" + config + "\",\"num_participants\":" + numParticipants
                + ",\"modified_session_config_fields\":" + modified + "}";
    }

    static Stream<Arguments> badRestBodies() {
        String deep = "{\"x\":" + "[".repeat(500) + "]".repeat(500) + "}";
        return Stream.of(
                Arguments.of("malformed JSON", "/api/sessions/", "{\"session_config_name\": \"auction\",", null),
                Arguments.of("an array", "/api/sessions/", "[1]", null),
                Arguments.of("a boolean count", "/api/sessions/", sessionBody("auction", "true", "{}"), "num_participants"),
                Arguments.of("nesting 500 deep", "/api/participant_vars", "{\"room_name\":\"econ_lab\","
                        + "\"participant_label\":\"LAB9\",\"vars\":" + deep + "}", "nested"),
                Arguments.of("a count over 2^32", "/api/sessions/", sessionBody("auction", "4294967299", "{}"),
                        "num_participants"),
                Arguments.of("a fractional count", "/api/sessions/", sessionBody("auction", "3.5", "{}"), "num_participants"),
                Arguments.of("a count as a string", "/api/sessions/", sessionBody("auction", "\"3\"", "{}"),
                        "num_participants"),
                Arguments.of("no participants", "/api/sessions/", sessionBody("auction", "0", "{}"), "num_participants"),
                Arguments.of("more than the server's maximum", "/api/sessions/", sessionBody("auction", "1002", "{}"),
                        "num_participants"),
                Arguments.of("markup for a number", "/api/sessions/",
                        sessionBody("bargaining", "2", "{\"pie\":\"<img src=x onerror=alert(1)>\"}"), "pie"),
                Arguments.of("a word for seconds", "/api/sessions/",
                        sessionBody("custom_wait", "3", "{\"wait_timeout_seconds\":\"soon\"}"), "wait_timeout_seconds"),
                Arguments.of("an absurd fee", "/api/sessions/",
                        sessionBody("auction", "3", "{\"participation_fee\":1e999999}"), "participation_fee"),
                Arguments.of("a negative rate", "/api/sessions/",
                        sessionBody("auction", "3", "{\"real_world_currency_per_point\":-1}"), "real_world_currency_per_point"),
                Arguments.of("groups of 0", "/api/sessions/", sessionBody("auction", "3", "{\"players_per_group\":0}"),
                        "players_per_group"),
                Arguments.of("groups of -1", "/api/sessions/", sessionBody("auction", "3", "{\"players_per_group\":-1}"),
                        "players_per_group"),
                Arguments.of("groups of 2^32", "/api/sessions/",
                        sessionBody("auction", "3", "{\"players_per_group\":4294967296}"), "players_per_group"),
                Arguments.of("a 5 MiB config value", "/api/sessions/",
                        sessionBody("auction", "3", "{\"note\":\"" + "x".repeat(5 << 20) + "\"}"), "KiB"),
                Arguments.of("a 300-character label", "/api/participant_vars",
                        "{\"room_name\":\"econ_lab\",\"participant_label\":\"" + "L".repeat(300) + "\",\"vars\":{}}",
                        "participant_label"),
                Arguments.of("1 MiB of participant vars", "/api/participant_vars",
                        "{\"room_name\":\"econ_lab\",\"participant_label\":\"LAB9\",\"vars\":{\"v\":\""
                                + "x".repeat(1 << 20) + "\"}}", "KiB"),
                Arguments.of("participant vars over their limit", "/api/participant_vars",
                        "{\"room_name\":\"econ_lab\",\"participant_label\":\"LAB9\",\"vars\":{\"v\":\""
                                + "x".repeat(200_000) + "\"}}", "vars"),
                Arguments.of("session vars over their limit", "/api/session_vars",
                        "{\"room_name\":\"online\",\"vars\":{\"v\":\"" + "x".repeat(200_000) + "\"}}", "vars"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRestBodies")
    @Order(1)
    void badRestInputIs400WithAMessage(String what, String path, String body, String named) throws Exception {
        var api = newApi();
        if (path.equals("/api/session_vars")) {
            var created = api.post("/api/sessions/", "{\"session_config_name\":\"auction\",\"num_participants\":3,"
                    + "\"room_name\":\"online\"}");
            assertEquals(200, created.statusCode(), created.body());
        }
        long sessionsBefore = count("select count(*) from ludus_session");
        HttpResponse<String> response = api.post(path, body);
        assertEquals(400, response.statusCode(), what + ": " + response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                what + ": " + response.headers());
        String message = LudusApi.json(response.body()).getString("message");
        assertFalse(INTERNAL.matcher(message).find(), what + ": the message shows internals: " + message);
        if (named != null) {
            assertTrue(message.contains(named), what + ": the message should name " + named + ": " + message);
        }
        assertEquals(sessionsBefore, count("select count(*) from ludus_session"), what + ": a session was made");
    }

    @Test
    @Order(2)
    void validOverridesStillMakeSessions() {
        var session = newApi().createSession("auction", 3, "{\"players_per_group\":3,\"participation_fee\":2.5,"
                + "\"real_world_currency_per_point\":0.01}");
        assertEquals(3, session.participants().size());
        assertEquals(2, newApi().createSession("bargaining", 2, "{\"pie\":250}").participants().size());
    }

    @Test
    @Order(3)
    void liveNumbersAreNeverConvertedLossily() {
        var api = newApi();
        var session = api.createSession("tictactoe", 2);
        String first = session.participants().get(0);
        int page = api.start(first);
        api.start(session.participants().get(1));
        try (LiveClient client = LiveClient.connect(api.base(), first, page)) {
            for (String square : List.of("4294967300", "1.9", "\"2\"", "1e999999", "true")) {
                client.sendRaw("{\"type\":\"live\",\"id\":7,\"data\":{\"square\":" + square + "}}");
                JsonObject error = client.untilAnswer(7).get(0);
                assertEquals("error", error.getString("type"), square + ": " + error);
                assertEquals("bad_data", error.getString("code"), square + ": " + error);
                assertTrue(error.getString("message").contains("square"), error.toString());
            }
            // 2^64 + 5 would wrap around to the id 5: refused, and not answered as message 5
            client.sendRaw("{\"type\":\"live\",\"id\":18446744073709551621,\"data\":{\"square\":4}}");
            JsonObject refused = client.next();
            assertEquals("malformed", refused.getString("code"), refused.toString());
            assertFalse(refused.containsKey("id") && !refused.isNull("id") && refused.getInt("id") == 5, refused.toString());
            assertEquals("         ", board(first), "no move was played");

            List<JsonObject> frames = client.untilAnswer(client.send(Map.of("square", 4)));
            assertEquals(4, LiveClient.liveData(frames).get(0).asJsonObject().getInt("square"), frames.toString());
            assertEquals("    X    ", board(first));
        }
    }

    @Test
    @Order(4)
    void aBidWithMoreDecimalsThanCentsIsRefusedBeforeAnyComparison() {
        var api = newApi();
        var session = api.createSession("auction", 3);
        String bidder = session.participants().get(0);
        try (LiveClient client = LiveClient.connect(api.base(), bidder, api.start(bidder))) {
            client.untilAnswer(client.send(Map.of("bid", new java.math.BigDecimal("50.00"))));
            for (String bid : List.of("50.001", "50.009", "-1", "1e30")) {
                client.sendRaw("{\"type\":\"live\",\"id\":9,\"data\":{\"bid\":" + bid + "}}");
                JsonObject error = client.untilAnswer(9).get(0);
                assertEquals("error", error.getString("type"), bid + ": " + error);
                assertEquals("bad_data", error.getString("code"), bid + ": " + error);
            }
            assertEquals(0, new java.math.BigDecimal("50.00").compareTo((java.math.BigDecimal) Database.single(
                    "select g.highest_bid from auction_group g join auction_player p on p.group_id = g.id"
                            + " join participant pa on pa.id = p.participant_id where pa.code = ?", bidder)));
            assertEquals(1L, count("select count(*) from auction_bid b join auction_player p on p.group_id = b.group_id"
                    + " join participant pa on pa.id = p.participant_id where pa.code = '" + bidder + "'"));
        }
    }

    @Test
    @Order(5)
    void aFormWithTooManyFieldsIs400() {
        var api = newApi();
        var session = api.createSession("auction", 3);
        String code = session.participants().get(0);
        int page = api.start(code);
        String fields = IntStream.range(0, 2000).mapToObj(i -> "f" + i + "=1").collect(Collectors.joining("&"));
        HttpResponse<String> page400 = api.post("/p/" + code + "/" + page, fields);
        assertEquals(400, page400.statusCode(), page400.body());
        assertTrue(page400.body().contains("too many fields"), page400.body());
        assertFalse(INTERNAL.matcher(page400.body()).find(), page400.body());

        var admin = newApi().loginAsAdmin();
        HttpResponse<String> admin400 = admin.post("/admin/sessions", fields + "&csrf_token=" + admin.csrfToken());
        assertEquals(400, admin400.statusCode(), admin400.body());
        assertFalse(INTERNAL.matcher(admin400.body()).find(), admin400.body());
        assertEquals(page, api.start(code), "the participant is still on their page");
    }

    @Test
    @Order(5)
    void theErrorPageAskedForDirectlyIsNotFound() {
        RawHttp.Answer direct = RawHttp.get(baseUri(), "/error", host());
        assertEquals(404, direct.status(), direct.body());
        assertFalse(INTERNAL.matcher(direct.body()).find(), direct.body());
    }

    @Test
    @Order(6)
    void anonymousVisitorsGetNoServerSession() {
        for (int i = 0; i < 20; i++) {
            RawHttp.Answer login = RawHttp.get(baseUri(), "/admin/login", host());
            assertEquals(200, login.status());
            assertTrue(login.header("Set-Cookie").stream().noneMatch(c -> c.startsWith("JSESSIONID")), login.headers().toString());
        }
        RawHttp.Answer form = RawHttp.get(baseUri(), "/admin/login", host());
        String csrf = csrfCookie(form);
        String token = LudusApi.csrfTokenIn(form.body());
        RawHttp.Answer failed = postForm("/admin/login", host(), List.of("Cookie: ludus_csrf=" + csrf),
                "username=it-admin&password=wrong&csrf_token=" + token);
        assertEquals(401, failed.status());
        assertTrue(failed.header("Set-Cookie").stream().noneMatch(c -> c.startsWith("JSESSIONID")), failed.headers().toString());
        assertTrue(RawHttp.get(baseUri(), "/demo", host()).header("Set-Cookie").stream()
                .noneMatch(c -> c.startsWith("JSESSIONID")));
    }

    @Test
    @Order(7)
    void theSessionCookieIsSameSiteAndAdminPagesCannotBeFramed() {
        String session = signIn();
        RawHttp.Answer answer = RawHttp.get(baseUri(), "/admin/sessions", host(), "Cookie: JSESSIONID=" + cookieValue(session));
        assertEquals(200, answer.status());
        assertTrue(attributes(session).containsAll(List.of("samesite=lax", "httponly")), session);
        assertEquals(List.of("DENY"), answer.header("X-Frame-Options"));
        assertEquals(List.of("nosniff"), answer.header("X-Content-Type-Options"));
        String policy = String.join(" ", answer.header("Content-Security-Policy"));
        assertTrue(policy.contains("frame-ancestors 'none'") && policy.contains("script-src 'self'")
                && !policy.contains("unsafe-inline"), policy);

        var participant = newApi().createSession("auction", 3).participants().get(0);
        RawHttp.Answer page = RawHttp.get(baseUri(), "/InitializeParticipant/" + participant, host());
        String pagePath = page.header("Location").get(0).replaceFirst("^https?://[^/]+", "");
        RawHttp.Answer shown = RawHttp.get(baseUri(), pagePath, host());
        assertEquals(200, shown.status());
        assertTrue(String.join(" ", shown.header("Content-Security-Policy")).contains("connect-src 'self'"));
        assertEquals(List.of("nosniff"), shown.header("X-Content-Type-Options"));
        assertEquals(List.of("same-origin"), shown.header("Referrer-Policy"));
    }

    @Test
    @Order(7)
    void overHttpsEveryCookieIsSecure() {
        int port = 8443 + Integer.parseInt(System.getProperty("ludus.it.portOffset", "0"));
        String host = baseUri().getHost();
        RawHttp.Answer form = RawHttp.getOverTls(host, port, "/admin/login", List.of(), "GET", null);
        assertEquals(200, form.status());
        String csrf = form.header("Set-Cookie").stream().filter(c -> c.startsWith("ludus_csrf=")).findFirst()
                .orElseThrow();
        assertTrue(attributes(csrf).contains("secure"), csrf);
        RawHttp.Answer signedIn = RawHttp.getOverTls(host, port, "/admin/login",
                List.of("Cookie: " + csrf.split(";")[0], "Content-Type: application/x-www-form-urlencoded",
                        "Origin: https://" + host + ":" + port), "POST",
                ("username=" + System.getProperty("ludus.it.adminUsername") + "&password="
                        + System.getProperty("ludus.it.adminPassword") + "&csrf_token=" + LudusApi.csrfTokenIn(form.body()))
                        .getBytes(StandardCharsets.UTF_8));
        assertEquals(302, signedIn.status(), signedIn.body());
        String session = signedIn.header("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow();
        assertTrue(attributes(session).containsAll(List.of("secure", "samesite=lax", "httponly")), session);
    }

    @Test
    @Order(8)
    void theCsrfTokenIsTakenOnlyFromTheBodyAndOnlyFromThisSite() {
        String session = "Cookie: JSESSIONID=" + cookieValue(signIn());
        String token = LudusApi.csrfTokenIn(RawHttp.get(baseUri(), "/admin/sessions", host(), session).body());
        String create = "session_config_name=auction&num_participants=3";
        long before = count("select count(*) from ludus_session");

        RawHttp.Answer inQuery = postForm("/admin/sessions?csrf_token=" + token, host(), List.of(session),
                create + "&csrf_token=" + token);
        assertEquals(403, inQuery.status(), "a token in the URL is refused");
        RawHttp.Answer encoded = postForm("/admin/sessions?csrf%5Ftoken=" + token, host(), List.of(session),
                create + "&csrf_token=" + token);
        assertEquals(403, encoded.status(), "also with its name percent-encoded");
        RawHttp.Answer foreign = postForm("/admin/sessions", host(), List.of(session, "Origin: http://evil.example"),
                create + "&csrf_token=" + token);
        assertEquals(403, foreign.status(), "another site's form is refused");
        RawHttp.Answer crossSite = postForm("/admin/sessions", host(), List.of(session, "Sec-Fetch-Site: cross-site"),
                create + "&csrf_token=" + token);
        assertEquals(403, crossSite.status());
        RawHttp.Answer sandboxed = postForm("/admin/sessions", host(), List.of(session, "Origin: null"),
                create + "&csrf_token=" + token);
        assertEquals(403, sandboxed.status());
        assertEquals(before, count("select count(*) from ludus_session"));

        RawHttp.Answer ours = postForm("/admin/sessions", host(), List.of(session, "Origin: " + origin()),
                create + "&csrf_token=" + token);
        assertEquals(303 / 100, ours.status() / 100, ours.status() + " " + ours.body());
        assertEquals(before + 1, count("select count(*) from ludus_session"));
    }

    @Test
    @Order(9)
    void linksUseThePublicUrlWhateverTheHostHeaderSays() {
        String evil = "evil.example";
        RawHttp.Answer created = RawHttp.send(baseUri(), "POST", "/api/sessions/", evil,
                List.of("otree-rest-key: " + System.getProperty("ludus.it.restKey"), "Content-Type: application/json"),
                "{\"session_config_name\":\"auction\",\"num_participants\":3}".getBytes(StandardCharsets.UTF_8));
        assertEquals(200, created.status(), created.body());
        JsonObject session = LudusApi.json(created.body());
        assertTrue(session.getString("session_wide_url").startsWith(origin() + "/join/"), session.toString());
        assertFalse(created.body().contains(evil), created.body());

        String admin = "Cookie: JSESSIONID=" + cookieValue(signIn());
        RawHttp.Answer links = RawHttp.get(baseUri(), "/admin/session/" + session.getString("code"), evil, admin);
        assertEquals(200, links.status(), links.body());
        assertTrue(links.body().contains(origin() + "/InitializeParticipant/"), links.body());
        assertFalse(links.body().contains(evil), links.body());
    }

    @Test
    @Order(10)
    void botsConnectToTheServerItselfWhateverTheHostHeaderSays() throws Exception {
        var api = newApi();
        var session = api.createSession("auction", 3);
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String host = "127.0.0.1:" + listener.getLocalPort();
            RawHttp.Answer bots = RawHttp.send(baseUri(), "POST", "/api/sessions/" + session.code() + "/bots", host,
                    List.of("otree-rest-key: " + System.getProperty("ludus.it.restKey"), "Content-Type: application/json"),
                    "{\"bids_per_player\":2,\"bids_per_second\":50,\"wait\":true}".getBytes(StandardCharsets.UTF_8));
            assertEquals(200, bots.status(), bots.body());
            assertEquals(6, LudusApi.json(bots.body()).getInt("acknowledged"), bots.body());
            // the bots are done (they were answered by the server itself): nobody may be waiting at the other address
            listener.setSoTimeout(1);
            try (Socket leaked = listener.accept()) {
                throw new AssertionError("a bot connected to the Host header's address: " + leaked);
            } catch (SocketTimeoutException expected) {
                // no connection was made
            }
        }
    }

    @Test
    @Order(11)
    void theEmbeddedDatabaseListensOnLoopbackOnly() throws Exception {
        String url = System.getProperty("ludus.it.jdbcUrl", "");
        assumeTrue(url.startsWith("jdbc:h2:file:"), "H2 only");
        Path lock = Path.of(url.substring("jdbc:h2:file:".length()).split(";")[0] + ".lock.db");
        var properties = new Properties();
        try (var in = Files.newInputStream(lock)) {
            properties.load(in);
        }
        int port = Integer.parseInt(properties.getProperty("server").replaceFirst(".*:", ""));
        try (Socket loopback = new Socket(InetAddress.getLoopbackAddress(), port)) {
            assertTrue(loopback.isConnected(), "the H2 server is there on loopback");
        }
        InetAddress outside = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(this::upAndNotLoopback).flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address).findFirst().orElse(null);
        assumeTrue(outside != null, "this machine has no other interface");
        try (Socket other = new Socket()) {
            other.connect(new InetSocketAddress(outside, port), 5_000);
            throw new AssertionError("the H2 server answers on " + outside + ":" + port);
        } catch (IOException refused) {
            // connection refused: not listening there
        }
    }

    @Test
    @Order(12)
    void aRoomWithAPasswordGivesNoSeatWithoutIt() {
        var admin = newApi().loginAsAdmin();
        var created = admin.post("/api/sessions/", "{\"session_config_name\":\"auction\",\"num_participants\":6,"
                + "\"room_name\":\"locked_lab\"}");
        assertEquals(200, created.statusCode(), created.body());
        String code = LudusApi.json(created.body()).getString("code");

        for (int i = 1; i <= 8; i++) { // a script without cookies, one label after another
            HttpResponse<String> tried = LudusApi.withoutRestKey(base()).get("/room/locked_lab?participant_label=LAB" + i);
            assertEquals(200, tried.statusCode());
            assertTrue(tried.body().contains("name=\"password\""), tried.body());
        }
        var lab3 = LudusApi.withoutRestKey(base());
        HttpResponse<String> wrong = lab3.post("/room/locked_lab", "participant_label=LAB3&password=guess");
        assertEquals(403, wrong.statusCode());
        assertEquals(0L, claimed(code), "no seat was taken");
        HttpResponse<String> sessionWide = LudusApi.withoutRestKey(base()).get("/join/" + code);
        assertEquals(303, sessionWide.statusCode(), sessionWide.body());
        assertEquals("/room/locked_lab", sessionWide.headers().firstValue("Location").orElseThrow()
                .replaceFirst("^https?://[^/]+", ""), "the session-wide link leads to the room's password form");
        assertEquals(0L, claimed(code), "nor through the session-wide link");

        HttpResponse<String> seated = lab3.post("/room/locked_lab",
                "participant_label=LAB3&password=" + org.ludus.testapps.rooms.TestRooms.PASSWORD);
        assertEquals(302, seated.statusCode(), seated.body());
        String participant = seated.headers().firstValue("Location").orElseThrow().replaceFirst(".*/", "");
        assertEquals(participant, lab3.get("/room/locked_lab?participant_label=LAB3").headers().firstValue("Location")
                .orElseThrow().replaceFirst(".*/", ""), "the seat's cookie brings its browser back");
        RawHttp.Answer returning = RawHttp.get(baseUri(), "/join/" + code, host(),
                "Cookie: ludus_join_" + code + "=" + participant);
        assertEquals(302, returning.status(), returning.body());
        assertTrue(returning.header("Location").get(0).endsWith("/InitializeParticipant/" + participant),
                "a browser that has its seat keeps it on the session-wide link: " + returning.header("Location"));
        HttpResponse<String> takeover = LudusApi.withoutRestKey(base()).get("/room/locked_lab?participant_label=LAB3");
        assertTrue(takeover.headers().firstValue("Location").isEmpty(), "another browser does not get LAB3");
        assertEquals(1L, claimed(code));
    }

    @Test
    @Order(13) // after aRoomWithAPasswordGivesNoSeatWithoutIt: this one closes the room's sessions
    void roomPasswordGuessesAreSlowedDownAndAGoodOneIsRemembered() {
        String password = org.ludus.testapps.rooms.TestRooms.PASSWORD;
        InetAddress guesser = RawHttp.freshAddress();
        List<Integer> guesses = IntStream.range(0, 4).mapToObj(i -> roomPost(guesser, "LAB5", "guess" + i, null)
                .status()).toList();
        assertEquals(List.of(403, 403, 403, 429), guesses);
        assertEquals(429, roomPost(guesser, "LAB5", password, null).status(), "not even the right one, yet");

        // a lab computer is given the password before the session opens: it waits, and gets in once it opens
        var admin = newApi().loginAsAdmin();
        RoomIT.closeSessionsOpenIn("locked_lab", admin);
        InetAddress lab = RawHttp.freshAddress();
        RawHttp.Answer waiting = roomPost(lab, "LAB6", password, null);
        assertEquals(200, waiting.status(), waiting.body());
        assertTrue(waiting.body().contains("id=\"room-waiting\"")
                && waiting.body().contains("url=/room/locked_lab?participant_label=LAB6"), waiting.body());
        String admitted = waiting.header("Set-Cookie").stream().filter(c -> c.startsWith("ludus_room_locked_lab_admitted="))
                .findFirst().orElseThrow(() -> new AssertionError(waiting.headers().toString())).split(";")[0];
        var created = admin.post("/api/sessions/", "{\"session_config_name\":\"auction\",\"num_participants\":6,"
                + "\"room_name\":\"locked_lab\"}");
        assertEquals(200, created.statusCode(), created.body());
        RawHttp.Answer reloaded = RawHttp.send(lab, baseUri(), "GET", "/room/locked_lab?participant_label=LAB6", host(),
                List.of("Cookie: " + admitted), null);
        assertEquals(302, reloaded.status(), "the waiting page's reload takes the seat: " + reloaded.body());
        RawHttp.Answer forgedCookie = RawHttp.send(RawHttp.freshAddress(), baseUri(), "GET",
                "/room/locked_lab?participant_label=LAB7", host(), List.of("Cookie: ludus_room_locked_lab_admitted=00"),
                null);
        assertEquals(200, forgedCookie.status());
        assertTrue(forgedCookie.body().contains("name=\"password\""), "a forged cookie admits no one");
    }

    private RawHttp.Answer roomPost(InetAddress from, String label, String password, String cookie) {
        var headers = new ArrayList<>(List.of("Content-Type: application/x-www-form-urlencoded"));
        if (cookie != null) {
            headers.add("Cookie: " + cookie);
        }
        return RawHttp.send(from, baseUri(), "POST", "/room/locked_lab", host(), headers,
                ("participant_label=" + label + "&password=" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @Order(13)
    void newSeatsPerAddressAndMinuteAreLimited() {
        var admin = newApi().loginAsAdmin();
        var created = admin.post("/api/sessions/", "{\"session_config_name\":\"auction\",\"num_participants\":21,"
                + "\"room_name\":\"limited\"}");
        assertEquals(200, created.statusCode(), created.body());
        // each try from an address of its own (127.0.0.x), tried again if its requests fell into two minutes
        List<RawHttp.Answer> room = inOneMinute(from -> IntStream.range(0, 3)
                .mapToObj(i -> RawHttp.send(from, baseUri(), "GET", "/room/limited", host(), List.of(), null)).toList());
        assertEquals(List.of(302, 302, 429), room.stream().map(RawHttp.Answer::status).toList());
        assertTrue(room.get(2).body().contains("id=\"room-busy\""), room.get(2).body());
        assertEquals(List.of("60"), room.get(2).header("Retry-After"));
        String seat = room.get(0).header("Set-Cookie").stream().filter(c -> c.startsWith("ludus_room_limited="))
                .findFirst().orElseThrow().split(";")[0];
        RawHttp.Answer back = RawHttp.get(baseUri(), "/room/limited", host(), "Cookie: " + seat);
        assertEquals(302, back.status(), "returning to one's own seat is not a new seat");
        assertEquals(room.get(0).header("Location"), back.header("Location"));

        // the session-wide link: the server's default limit (10 a minute on the test server)
        List<Integer> joins = inOneMinute(from -> {
            var session = newApi().createSession("auction", 12);
            return IntStream.range(0, 12).mapToObj(i -> RawHttp.send(from, baseUri(), "GET", "/join/" + session.code(),
                    host(), List.of(), null).status()).toList();
        });
        assertEquals(Collections.nCopies(10, 302), joins.subList(0, 10), joins.toString());
        assertEquals(List.of(429, 429), joins.subList(10, 12), joins.toString());
    }

    /** Runs {@code requests} from a new loopback address until they all fell into one minute of the clock. */
    private static <T> T inOneMinute(java.util.function.Function<InetAddress, T> requests) {
        while (true) {
            long minute = System.currentTimeMillis() / 60_000;
            InetAddress from = RawHttp.freshAddress();
            T result = requests.apply(from);
            if (System.currentTimeMillis() / 60_000 == minute) {
                return result;
            }
        }
    }

    @Test
    @Order(14)
    void slowUploadsDoNotStopTheServer() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                Socket socket = new Socket(baseUri().getHost(), baseUri().getPort());
                OutputStream out = socket.getOutputStream();
                out.write(("POST /p/zzzzzzzzzzzzzzzz/0 HTTP/1.1\r\nHost: " + host()
                        + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\na")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                slow.add(socket);
            }
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            for (int i = 0; i < 3; i++) {
                for (Socket socket : slow) {
                    socket.getOutputStream().write('a'); // each upload goes on, one byte at a time
                }
                HttpResponse<String> served = client.send(HttpRequest.newBuilder(baseUri().resolve("/admin/login"))
                        .timeout(Duration.ofSeconds(1)).GET().build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, served.statusCode(), "another client is served within 1 s while 100 uploads hang");
            }
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    @Order(15)
    void afterAllThatTheServerStillServesAnHonestAuction() {
        var api = newApi();
        var session = api.createSession("auction", 3);
        List<LiveClient> clients = new ArrayList<>();
        try {
            for (String code : session.participants()) {
                clients.add(LiveClient.connect(api.base(), code, api.start(code)));
            }
            int[] bids = {10, 25, 20, 40};
            List<List<JsonObject>> seen = new ArrayList<>(List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
            for (int i = 0; i < bids.length; i++) {
                LiveClient bidder = clients.get(i % 3);
                seen.get(i % 3).addAll(bidder.untilAnswer(bidder.send(Map.of("bid", bids[i]))));
            }
            // every page hears the three higher bids, in order, and not the lower one
            for (int p = 0; p < 3; p++) {
                List<JsonObject> frames = seen.get(p);
                if (LiveClient.liveData(frames).stream().noneMatch(BadInputIT::isTheLastBid)) {
                    frames.addAll(clients.get(p).until(f -> "live".equals(f.getString("type"))
                            && isTheLastBid(f.get("data"))));
                }
                List<Integer> heard = LiveClient.liveData(frames).stream()
                        .filter(d -> d.asJsonObject().containsKey("bid"))
                        .map(d -> d.asJsonObject().getInt("bid")).toList();
                assertEquals(List.of(10, 25, 40), heard, "player " + (p + 1));
            }
            assertEquals(0, new java.math.BigDecimal("40").compareTo((java.math.BigDecimal) Database.single(
                    "select g.highest_bid from auction_group g join auction_player p on p.group_id = g.id"
                            + " join participant pa on pa.id = p.participant_id where pa.code = ?",
                    session.participants().get(0))));
        } finally {
            clients.forEach(LiveClient::close);
        }
    }

    // --- helpers

    /** A Set-Cookie header's attributes, lower case, e.g. [path=/, secure, httponly]. */
    private static List<String> attributes(String setCookie) {
        return Stream.of(setCookie.split(";")).skip(1).map(a -> a.strip().toLowerCase(java.util.Locale.ROOT)).toList();
    }

    private static boolean isTheLastBid(jakarta.json.JsonValue data) {
        return data instanceof JsonObject o && o.containsKey("bid") && o.getInt("bid") == 40;
    }

    private URI base() {
        return baseUri();
    }

    private URI baseUri() {
        try {
            return base.toURI();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private String host() {
        return baseUri().getHost() + ":" + baseUri().getPort();
    }

    private String origin() {
        return "http://" + host();
    }

    private boolean upAndNotLoopback(NetworkInterface networkInterface) {
        try {
            return networkInterface.isUp() && !networkInterface.isLoopback();
        } catch (java.net.SocketException e) {
            return false;
        }
    }

    private static long count(String sql) {
        return ((Number) Database.single(sql)).longValue();
    }

    private static long claimed(String sessionCode) {
        return ((Number) Database.single("select count(*) from participant p join ludus_session s on s.id = p.session_id"
                + " where s.code = ? and p.claimed_at is not null", sessionCode)).longValue();
    }

    private static String board(String participantCode) {
        return String.valueOf(Database.single("select g.board from tictactoe_group g join tictactoe_player p"
                + " on p.group_id = g.id join participant pa on pa.id = p.participant_id where pa.code = ?",
                participantCode));
    }

    private RawHttp.Answer postForm(String path, String host, List<String> headers, String body) {
        var all = new ArrayList<>(headers);
        all.add("Content-Type: application/x-www-form-urlencoded");
        return RawHttp.send(baseUri(), "POST", path, host, all, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String csrfCookie(RawHttp.Answer answer) {
        return answer.header("Set-Cookie").stream().filter(c -> c.startsWith("ludus_csrf=")).findFirst()
                .map(RawHttpCookies::value).orElseThrow(() -> new AssertionError("no ludus_csrf cookie: " + answer.headers()));
    }

    /** Signs in over a raw socket; returns the whole Set-Cookie header of the session. */
    private String signIn() {
        RawHttp.Answer form = RawHttp.get(baseUri(), "/admin/login", host());
        RawHttp.Answer signedIn = postForm("/admin/login", host(), List.of("Cookie: ludus_csrf=" + csrfCookie(form)),
                "username=" + System.getProperty("ludus.it.adminUsername") + "&password="
                        + System.getProperty("ludus.it.adminPassword") + "&csrf_token=" + LudusApi.csrfTokenIn(form.body()));
        assertEquals(302, signedIn.status(), signedIn.body());
        return signedIn.header("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie: " + signedIn.headers()));
    }

    private static String cookieValue(String setCookie) {
        return RawHttpCookies.value(setCookie);
    }

    private static final class RawHttpCookies {
        static String value(String setCookie) {
            String pair = setCookie.split(";")[0];
            return pair.substring(pair.indexOf('=') + 1);
        }
    }
}
