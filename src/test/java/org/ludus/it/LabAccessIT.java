package org.ludus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ludus.testkit.LudusApi;
import org.ludus.testkit.LudusDeployment;

/**
 * A lab's roles and who owns what (issue 11), against Keycloak (users of src/test/resources/keycloak): every
 * admin page and action and every REST route, asked by each kind of caller, answers what the role matrix of
 * README "Roles" says. Callers sign in through Keycloak's real login form ({@link ProviderSignIn}):
 * <ul>
 * <li>alice, a researcher (group econ-staff), owns session A; rita, another researcher, owns session R;</li>
 * <li>sam, an assistant (group assistant), has A shared with him as assistant;</li>
 * <li>carol, a lab-admin (econ-admins); bob, signed in without any role;</li>
 * <li>alice's REST key, a revoked key of hers, a wrong key, the server's key (LUDUS_REST_KEY), no key.</li>
 * </ul>
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@RunAsClient
class LabAccessIT {

    private static final Pattern SUBJECT_OF = Pattern.compile("<tr data-subject=\"([^\"]+)\"><td>([^<]+)</td>");
    private static final Pattern NEW_KEY = Pattern.compile("<code id=\"new-key\">([^<]+)</code>");
    private static final Pattern KEY_ROW = Pattern.compile("<tr data-key=\"(\\d+)\"><td><code>([^<…]+)…");

    private static UniversitySignIn university;
    private static ProviderSignIn alice;
    private static ProviderSignIn rita;
    private static ProviderSignIn sam;
    private static ProviderSignIn carol;
    private static ProviderSignIn bob;
    private static final Map<String, String> subjects = new LinkedHashMap<>();
    private static String sessionA;
    private static String sessionR;
    private static String aliceKey;
    private static String revokedKey;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return LudusDeployment.war();
    }

    @BeforeAll
    static void startProviderAndServerAndSetUpTheLab() throws Exception {
        university = UniversitySignIn.start("lab-server");
        alice = ProviderSignIn.as(ludus(), "alice", "alice-password");
        rita = ProviderSignIn.as(ludus(), "rita", "rita-password");
        sam = ProviderSignIn.as(ludus(), "sam", "sam-password");
        bob = ProviderSignIn.as(ludus(), "bob", "bob-password");
        carol = ProviderSignIn.as(ludus(), "carol", "carol-password");
        for (var row : ProviderSignIn.allPairs(SUBJECT_OF, ok(carol.get("/admin/users")).body())) {
            subjects.put(row.getValue(), row.getKey());
        }
        assertTrue(subjects.keySet().containsAll(Set.of("alice", "rita", "sam", "bob", "carol")), subjects.toString());

        sessionA = create(alice, "econ_lab");
        sessionR = create(rita, "");
        assertEquals(303, alice.post("/admin/session/" + sessionA + "/share",
                Map.of("subject", subjects.get("sam"), "role", "assistant")).statusCode());
        aliceKey = newKey(alice, "analysis script");
        revokedKey = newKey(alice, "old laptop");
        String revokedId = ProviderSignIn.allPairs(KEY_ROW, ok(alice.get("/admin/keys")).body()).stream()
                .filter(row -> revokedKey.startsWith(row.getValue())).findFirst().orElseThrow().getKey();
        assertEquals(303, alice.post("/admin/keys/" + revokedId + "/revoke", Map.of()).statusCode());
    }

    @AfterAll
    static void stopThem() throws Exception {
        if (university != null) {
            university.stop();
        }
    }

    private static URI ludus() {
        return university.ludus();
    }

    /** A session created on the admin page (bargaining, 2 participants); its code. */
    /** The room econ_lab in GET /api/rooms/ as this key sees it. */
    private static jakarta.json.JsonObject econLab(String caller) throws Exception {
        Reply rooms = api(caller, "GET", "/api/rooms/", null);
        assertEquals(200, rooms.statusCode(), rooms.body());
        return LudusApi.jsonValue(rooms.body()).asJsonArray().getValuesAs(jakarta.json.JsonObject.class).stream()
                .filter(room -> room.getString("name").equals("econ_lab")).findFirst().orElseThrow();
    }

    private static String create(ProviderSignIn who, String room) throws Exception {
        HttpResponse<String> created = who.post("/admin/sessions", Map.of("session_config_name", "bargaining",
                "num_participants", "2", "room_name", room, "modified_session_config_fields", ""));
        assertEquals(303, created.statusCode(), created.body());
        return created.headers().firstValue("Location").orElseThrow().replace("/admin/session/", "");
    }

    private static String newKey(ProviderSignIn who, String label) throws Exception {
        HttpResponse<String> page = ok(who.post("/admin/keys", Map.of("label", label)));
        Matcher key = NEW_KEY.matcher(page.body());
        assertTrue(key.find(), page.body());
        return key.group(1);
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.uri() + ": " + response.body());
        return response;
    }

    /** One line of the matrix: a route, who asks (and on which session), and the status they must get. */
    private record Check(String caller, String method, String path, int expected) {
    }

    private record Asked(Check check, int status) {
    }

    /**
     * The admin's pages and actions. "alice" asks about her own session A, "alice-other" about rita's R, "sam"
     * about A (shared with him as assistant), "carol" about R (a lab-admin, on a session not hers), "bob" and
     * "anonymous" about A. Allowed: 200 for a page, 303 for a form post; refused: 403; anonymous: sent to the
     * provider's login (302).
     */
    @Test
    @Order(1)
    void everyAdminPageAndActionAnswersByRole() throws Exception {
        var checks = new ArrayList<Check>();
        List<String> everyone = List.of("anonymous", "bob", "sam", "alice", "alice-other", "carol");
        // route, method, status when allowed, who is allowed
        adminRoute(checks, everyone, "GET", "/admin/sessions", 200, "sam", "alice", "alice-other", "carol");
        adminRoute(checks, everyone, "GET", "/admin/rooms", 200, "sam", "alice", "alice-other", "carol");
        adminRoute(checks, everyone, "GET", "/admin/session/{s}", 200, "sam", "alice", "carol");
        adminRoute(checks, everyone, "GET", "/admin/session/{s}/monitor", 200, "sam", "alice", "carol");
        adminRoute(checks, everyone, "SSE", "/admin/api/sessions/{s}/monitor", 200, "sam", "alice", "carol");
        adminRoute(checks, everyone, "GET", "/admin/session/{s}/data", 200, "alice", "carol");
        adminRoute(checks, everyone, "GET", "/admin/session/{s}/payments", 200, "alice", "carol");
        adminRoute(checks, everyone, "GET", "/admin/exports/all_apps_wide?session={s}", 200, "alice", "carol");
        adminRoute(checks, everyone, "GET", "/admin/exports/page_times", 200, "alice", "alice-other", "carol");
        adminRoute(checks, everyone, "GET", "/admin/data", 200, "alice", "alice-other", "carol");
        adminRoute(checks, everyone, "GET", "/admin/keys", 200, "alice", "alice-other", "carol");
        adminRoute(checks, everyone, "GET", "/admin/users", 200, "carol");
        adminRoute(checks, everyone, "GET", "/admin/audit", 200, "carol");
        adminRoute(checks, everyone, "POST", "/admin/session/{s}/advance", 303, "sam", "alice", "carol");
        adminRoute(checks, everyone, "POST", "/admin/session/{s}/share", 303, "alice", "carol");
        adminRoute(checks, everyone, "POST", "/admin/session/{s}/unshare", 303, "alice", "carol");
        adminRoute(checks, everyone, "POST", "/admin/session/{s}/close", 303, "alice", "carol");
        adminRoute(checks, everyone, "POST", "/admin/sessions", 303, "alice", "alice-other", "carol");
        adminRoute(checks, everyone, "POST", "/admin/users", 303, "carol");
        adminRoute(checks, everyone, "POST", "/admin/keys", 200, "alice", "alice-other", "carol");

        var wrong = new ArrayList<Asked>();
        for (Check check : checks) {
            int status = askAdmin(check);
            if (status != check.expected()) {
                wrong.add(new Asked(check, status));
            }
        }
        assertTrue(wrong.isEmpty(), "of " + checks.size() + " checks, these answered otherwise:\n"
                + String.join("\n", wrong.stream().map(w -> w.check() + " got " + w.status()).toList()));
    }

    private static void adminRoute(List<Check> checks, List<String> callers, String method, String path, int allowed,
            String... allowedCallers) {
        Set<String> yes = Set.of(allowedCallers);
        for (String caller : callers) {
            int expected = yes.contains(caller) ? allowed : "anonymous".equals(caller) ? 302 : 403;
            checks.add(new Check(caller, method, path, expected));
        }
    }

    private static int askAdmin(Check check) throws Exception {
        String session = switch (check.caller()) {
            case "alice-other", "carol" -> sessionR;
            default -> sessionA;
        };
        ProviderSignIn who = switch (check.caller()) {
            case "anonymous" -> ProviderSignIn.anonymous(ludus());
            case "bob" -> bob;
            case "sam" -> sam;
            case "carol" -> carol;
            default -> alice;
        };
        String path = check.path().replace("{s}", session);
        return switch (check.method()) {
            case "GET" -> who.get(path).statusCode();
            case "SSE" -> who.statusOfStream(path);
            default -> who.post(path, formFor(path)).statusCode();
        };
    }

    /** What each form sends: valid fields, so that only the caller decides the answer. */
    private static Map<String, String> formFor(String path) {
        if (path.endsWith("/share") || path.endsWith("/unshare")) {
            return Map.of("subject", subjects.get("bob"), "role", "assistant");
        }
        if (path.equals("/admin/sessions")) {
            return Map.of("session_config_name", "bargaining", "num_participants", "2", "room_name", "",
                    "modified_session_config_fields", "");
        }
        if (path.equals("/admin/users")) {
            return Map.of("subject", subjects.get("rita"), "role", "researcher");
        }
        if (path.equals("/admin/keys")) {
            return Map.of("label", "matrix");
        }
        return Map.of();
    }

    /**
     * The REST API with each key: alice's on her session A and on rita's R ("alice-other"), her revoked key, a
     * wrong key, none, and the server's own key (a lab-admin's) on R. Another's session is 404, as if none.
     */
    @Test
    @Order(2)
    void everyRestRouteAnswersByKey() throws Exception {
        create(alice, "econ_lab"); // the room's vars routes reach the session open there: alice's (A was closed)
        var checks = new ArrayList<Check>();
        List<String> keys = List.of("none", "wrong", "revoked", "alice", "alice-other", "server");
        restRoute(checks, keys, "GET", "/api/session_configs/", 200, "alice", "alice-other", "server");
        restRoute(checks, keys, "GET", "/api/sessions/{s}", 200, "alice", "server");
        restRoute(checks, keys, "GET", "/api/sessions/", 200, "alice", "alice-other", "server");
        restRoute(checks, keys, "GET", "/api/rooms/", 200, "alice", "alice-other", "server");
        restRoute(checks, keys, "POST", "/api/sessions/", 200, "alice", "alice-other", "server");
        // allowed callers get past the access check to the bots' own refusal: the session is no auction
        restRoute(checks, keys, "POST", "/api/sessions/{s}/bots", 400, "alice", "server");
        restRoute(checks, keys, "GET", "/api/exports/all_apps_wide?session={s}", 200, "alice", "server");
        restRoute(checks, keys, "GET", "/api/exports/live_messages", 200, "alice", "alice-other", "server");
        restRoute(checks, keys, "POST", "/api/participant_vars/", 200, "alice", "alice-other", "server");
        restRoute(checks, keys, "POST", "/api/session_vars/", 200, "alice", "alice-other", "server");

        var wrong = new ArrayList<Asked>();
        for (Check check : checks) {
            Reply answer = askApi(check);
            if (answer.statusCode() != check.expected()) {
                wrong.add(new Asked(check, answer.statusCode()));
            }
        }
        assertTrue(wrong.isEmpty(), "of " + checks.size() + " checks, these answered otherwise:\n"
                + String.join("\n", wrong.stream().map(w -> w.check() + " got " + w.status()).toList()));

        // a room is the lab's, the session open in it is not: rita cannot take alice's room over, and with
        // carol's session open there, alice's key reaches neither of the room's vars
        HttpResponse<String> takeover = rita.post("/admin/sessions", Map.of("session_config_name", "bargaining",
                "num_participants", "2", "room_name", "econ_lab", "modified_session_config_fields", ""));
        assertEquals(403, takeover.statusCode(), takeover.body());
        String carols = create(carol, "econ_lab");
        // the rooms list: the session open in econ_lab is carol's, not alice's to see; the server's key sees it
        assertEquals(jakarta.json.JsonValue.NULL, econLab("alice").get("session_code"), "alice's key sees no code");
        assertEquals(carols, econLab("server").getString("session_code"));
        assertEquals(404, api("alice", "POST", "/api/session_vars/", bodyFor("/api/session_vars/")).statusCode());
        assertEquals(404, api("alice", "POST", "/api/participant_vars/", bodyFor("/api/participant_vars/")).statusCode());
        assertEquals(403, api("alice", "POST", "/api/sessions/", "{\"session_config_name\":\"bargaining\","
                + "\"num_participants\":2,\"room_name\":\"econ_lab\"}").statusCode(), "nor through the API");
        assertEquals(200, api("server", "POST", "/api/session_vars/", bodyFor("/api/session_vars/")).statusCode());

        // export jobs: of the key's sessions only, seen by whoever started them and by lab-admins
        assertEquals(400, api("alice", "POST", "/api/exports/jobs", "{\"exports\":[\"live_messages\"],\"sessions\":[\""
                + sessionR + "\"]}").statusCode(), "rita's session is no session of alice's");
        Reply job = api("alice", "POST", "/api/exports/jobs", "{\"exports\":[\"live_messages\"],\"sessions\":[\""
                + sessionA + "\"]}");
        assertEquals(201, job.statusCode(), job.body());
        String jobPath = "/api/exports/jobs/" + LudusApi.json(job.body()).getJsonNumber("id").longValue();
        assertEquals(200, api("alice", "GET", jobPath, null).statusCode());
        assertEquals(200, api("server", "GET", jobPath, null).statusCode());
        assertEquals(401, api("revoked", "GET", jobPath, null).statusCode());
    }

    /**
     * Wrong keys from an address are slowed down, and a valid key from the same address does not wipe their
     * count: else a researcher could guess the server's key between calls with their own.
     */
    @Test
    @Order(3)
    void aValidKeyDoesNotResetTheCountOfWrongOnes() {
        var from = RawHttp.freshAddress();
        var statuses = new ArrayList<Integer>();
        for (int i = 0; i < 4; i++) {
            statuses.add(api(from, "a-guess-at-the-server-key-" + i, "GET", "/api/session_configs/", null).statusCode());
            statuses.add(api(from, aliceKey, "GET", "/api/session_configs/", null).statusCode());
        }
        assertEquals(List.of(401, 200, 401, 200, 401), statuses.subList(0, 5), statuses.toString());
        assertTrue(statuses.subList(5, 8).stream().allMatch(status -> status == 429),
                "after three wrong keys the address waits, whatever valid key it holds: " + statuses);
    }

    private static void restRoute(List<Check> checks, List<String> callers, String method, String path, int allowed,
            String... allowedCallers) {
        Set<String> yes = Set.of(allowedCallers);
        for (String caller : callers) {
            int expected = yes.contains(caller) ? allowed : Set.of("none", "wrong", "revoked").contains(caller) ? 401
                    : 404; // a key that works, on a session it may not see
            checks.add(new Check(caller, method, path, expected));
        }
    }

    private static Reply askApi(Check check) throws Exception {
        return api(check.caller(), check.method(), check.path().replace("{s}",
                check.caller().equals("alice") ? sessionA : sessionR), bodyFor(check.path()));
    }

    /** An answer of the REST API. */
    private record Reply(int statusCode, String body) {
    }

    /**
     * As that caller. Wrong and revoked keys come each from an address of their own (127.1.x.y), so that the
     * throttle for wrong keys, which counts per address, does not answer 429 in their place.
     */
    private static Reply api(String caller, String method, String path, String body) throws Exception {
        String key = switch (caller) {
            case "none" -> null;
            case "wrong" -> "ludus_not-a-key-anyone-has";
            case "revoked" -> revokedKey;
            case "server" -> System.getProperty("ludus.it.restKey");
            case "alice", "alice-other" -> aliceKey;
            default -> caller; // a key's text
        };
        return api(Set.of("wrong", "revoked").contains(caller) ? RawHttp.freshAddress() : null, key, method, path, body);
    }

    private static Reply api(java.net.InetAddress from, String key, String method, String path, String body) {
        var headers = new ArrayList<String>(List.of("Content-Type: application/json"));
        if (key != null) {
            headers.add("otree-rest-key: " + key);
        }
        byte[] bytes = body == null ? new byte[0] : body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        RawHttp.Answer answer = from == null
                ? RawHttp.send(university.server().base(), method, path, "localhost:" + ludus().getPort(), headers, bytes)
                : RawHttp.send(from, university.server().base(), method, path, "localhost:" + ludus().getPort(), headers, bytes);
        return new Reply(answer.status(), answer.body());
    }

    private static String bodyFor(String path) {
        return switch (path) {
            case "/api/sessions/" -> "{\"session_config_name\":\"bargaining\",\"num_participants\":2}";
            case "/api/sessions/{s}/bots" -> "{}";
            case "/api/participant_vars/" -> "{\"room_name\":\"econ_lab\",\"participant_label\":\"LAB1\",\"vars\":{\"seat\":1}}";
            case "/api/session_vars/" -> "{\"room_name\":\"econ_lab\",\"vars\":{\"checked\":true}}";
            default -> null;
        };
    }

    /** "All sessions" in a file means the caller's: alice's exports hold A, not R; a lab-admin's hold both. */
    @Test
    @Order(4)
    void anExportOfAllSessionsHoldsOnlyTheCallersSessions() throws Exception {
        String alicesFile = ok(alice.get("/admin/exports/all_apps_wide")).body();
        assertTrue(alicesFile.contains(sessionA) && !alicesFile.contains(sessionR), alicesFile);
        String byKey = api("alice", "GET", "/api/exports/all_apps_wide", null).body();
        assertTrue(byKey.contains(sessionA) && !byKey.contains(sessionR), byKey);
        String carolsFile = ok(carol.get("/admin/exports/all_apps_wide")).body();
        assertTrue(carolsFile.contains(sessionA) && carolsFile.contains(sessionR), carolsFile);
    }

    /** The sessions list shows the caller's sessions: their own and those shared with them; a lab-admin's all. */
    @Test
    @Order(5)
    void theSessionsListShowsWhatTheCallerMaySee() throws Exception {
        String alices = ok(alice.get("/admin/sessions")).body();
        assertTrue(alices.contains(sessionA) && !alices.contains(sessionR));
        String alicesList = api("alice", "GET", "/api/sessions/", null).body(); // the REST list: the same rule
        assertTrue(alicesList.contains(sessionA) && !alicesList.contains(sessionR), alicesList);
        String sams = ok(sam.get("/admin/sessions")).body();
        assertTrue(sams.contains(sessionA) && !sams.contains(sessionR));
        assertFalse(sams.contains("id=\"create-session\""), "an assistant creates no sessions");
        String carols = ok(carol.get("/admin/sessions")).body();
        assertTrue(carols.contains(sessionA) && carols.contains(sessionR));
        String samsMonitor = ok(sam.get("/admin/session/" + sessionA + "/monitor")).body();
        assertTrue(samsMonitor.contains("id=\"advance-slowest\"") && !samsMonitor.contains("id=\"close-session\""),
                "an assistant advances but does not close");
        assertEquals(404, alice.get("/demo/session/" + sessionR).statusCode(), "the demo page shows demo sessions only");
        assertEquals(403, sam.post("/demo/bargaining", Map.of()).statusCode(), "nor does an assistant create demos");
        assertTrue(ok(alice.get("/admin/session/" + sessionA)).body().contains("<title>Session " + sessionA + "</title>"));
        assertTrue(alice.sessionIdBeforeSignIn() != null && !alice.sessionIdBeforeSignIn().equals(alice.cookie("JSESSIONID")),
                "the sign-in gave the browser a new session id");
        HttpResponse<String> forged = alice.get("/admin/exports/page_times?session=" + "x".repeat(40));
        assertEquals(404, forged.statusCode(), "a code no session can have: " + forged.body());
    }

    /** A share never gives more than the role: an assistant stays one on a session shared "as researcher". */
    @Test
    @Order(6)
    void aShareIsBoundedByTheRole() throws Exception {
        assertEquals(303, alice.post("/admin/session/" + sessionA + "/share",
                Map.of("subject", subjects.get("sam"), "role", "researcher")).statusCode());
        try {
            assertEquals(403, sam.get("/admin/session/" + sessionA + "/data").statusCode());
            assertEquals(403, sam.get("/admin/exports/all_apps_wide?session=" + sessionA).statusCode());
            ok(sam.get("/admin/session/" + sessionA + "/monitor"));
        } finally {
            alice.post("/admin/session/" + sessionA + "/share", Map.of("subject", subjects.get("sam"), "role", "assistant"));
        }
        // a double-clicked Share (eight at once): one share, no error
        var clicks = new ArrayList<java.util.concurrent.CompletableFuture<Integer>>();
        for (int i = 0; i < 8; i++) {
            clicks.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return alice.post("/admin/session/" + sessionA + "/share",
                            Map.of("subject", subjects.get("rita"), "role", "assistant")).statusCode();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        assertEquals(java.util.Collections.nCopies(8, 303), clicks.stream().map(java.util.concurrent.CompletableFuture::join).toList());
        String links = ok(alice.get("/admin/session/" + sessionA)).body();
        assertEquals(1, links.split("<td>rita</td>", -1).length - 1, "rita is listed once: " + links);
        assertEquals(303, alice.post("/admin/session/" + sessionA + "/unshare", Map.of("subject", subjects.get("rita")))
                .statusCode());
        HttpResponse<String> notAUser = alice.post("/admin/session/" + sessionA + "/share",
                Map.of("subject", "nobody-signed-in-as-this", "role", "researcher"));
        assertEquals(400, notAUser.statusCode());
        assertTrue(notAUser.body().contains("signed in once"), notAUser.body());
    }

    /**
     * A role a lab-admin grants in Ludus counts on the user's next request, without signing in again, and so does
     * taking it away; a key acts with its owner's roles of the moment.
     */
    @Test
    @Order(7)
    void aRoleGrantedInLudusCountsAtOnceAndSoDoesTakingItAway() throws Exception {
        assertEquals(403, bob.get("/admin/sessions").statusCode());
        assertEquals(303, carol.post("/admin/users", Map.of("subject", subjects.get("bob"), "role", "researcher"))
                .statusCode());
        ok(bob.get("/admin/sessions"));
        String bobsSession = create(bob, "");
        String bobsKey = newKey(bob, "bob's script");
        assertEquals(200, api(bobsKey, "GET", "/api/sessions/" + bobsSession, null).statusCode());

        assertEquals(303, carol.post("/admin/users", Map.of("subject", subjects.get("bob"), "role", "")).statusCode());
        assertEquals(403, bob.get("/admin/sessions").statusCode());
        assertEquals(403, api(bobsKey, "GET", "/api/session_configs/", null).statusCode(),
                "a key of someone without a role opens nothing");
        HttpResponse<String> notARole = carol.post("/admin/users", Map.of("subject", subjects.get("bob"), "role", "admin"));
        assertEquals(400, notARole.statusCode(), "only lab roles are granted");
    }

    /** A key is shown once, listed by its first characters with its last use, and stops working when revoked. */
    @Test
    @Order(8)
    void aKeyIsShownOnceListedWithItsLastUseAndRevocable() throws Exception {
        HttpResponse<String> tooLong = alice.post("/admin/keys", Map.of("label", "x".repeat(101)));
        assertEquals(400, tooLong.statusCode(), "a label is not cut short in silence");
        assertTrue(tooLong.body().contains("at most 100"), tooLong.body());
        String key = newKey(alice, "to revoke");
        String listed = ok(alice.get("/admin/keys")).body();
        assertFalse(listed.contains(key), "the key's text is not shown again");
        var row = ProviderSignIn.allPairs(KEY_ROW, listed).stream().filter(r -> key.startsWith(r.getValue()))
                .findFirst().orElseThrow();
        assertTrue(rowOf(listed, row.getKey()).contains("never"), rowOf(listed, row.getKey()));
        assertEquals(200, api(key, "GET", "/api/session_configs/", null).statusCode());
        assertFalse(rowOf(ok(alice.get("/admin/keys")).body(), row.getKey()).contains("never"), "its last use is listed");

        assertEquals(403, rita.post("/admin/keys/" + row.getKey() + "/revoke", Map.of()).statusCode(),
                "only its owner and lab-admins revoke a key");
        assertEquals(303, carol.post("/admin/keys/" + row.getKey() + "/revoke", Map.of()).statusCode());
        Reply revoked = api(key, "GET", "/api/session_configs/", null);
        assertEquals(401, revoked.statusCode());
        assertTrue(revoked.body().contains("revoked"), revoked.body());
    }

    private static String rowOf(String page, String keyId) {
        int start = page.indexOf("<tr data-key=\"" + keyId + "\">");
        return page.substring(start, page.indexOf("</tr>", start));
    }

    /** The audit log says who signed in, created, shared, advanced, closed and exported what. */
    @Test
    @Order(9)
    void theAuditLogSaysWhoDidWhat() throws Exception {
        assertEquals(400, carol.get("/admin/audit?session=%3Cscript%3E").statusCode(), "not a session code");
        String log = ok(carol.get("/admin/audit?session=" + sessionA)).body();
        for (String action : List.of("create", "share", "advance", "close", "export")) {
            assertTrue(log.contains("class=\"action\">" + action + "<"), action + " of A: " + log);
        }
        assertTrue(log.contains(">alice<") && log.contains(">sam<"), "by whom: " + log);
        String all = ok(carol.get("/admin/audit")).body();
        for (String action : List.of("sign-in", "grant-role", "create-key", "revoke-key")) {
            assertTrue(all.contains("class=\"action\">" + action + "<"), action + ": " + all);
        }
    }
}
