package org.ludus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ludus.testkit.Database;
import org.ludus.testkit.LudusApi;
import org.ludus.testkit.LudusIT;

/** Every admin route refuses anonymous callers; logins, CSRF tokens and the participant URLs behave. */
class AccessIT extends LudusIT {

    @Test
    void anonymousCallersAreSentToTheLoginOrRefused() throws Exception {
        var admin = newApi().loginAsAdmin();
        String code = admin.createSession("auction", 3).code();
        // a participant's cookies (from the session-wide link) and the REST key open no admin page
        var anonymous = newApi();
        assertEquals(302, anonymous.get("/join/" + code).statusCode());
        List<String> pages = List.of("/admin", "/admin/", "/admin/sessions", "/admin/rooms", "/admin/session/" + code,
                "/admin/session/" + code + "/monitor", "/admin/session/" + code + "/data",
                "/admin/session/" + code + "/payments", "/admin/api/sessions/" + code + "/monitor",
                "/admin/nonexistent", "/admin/data", "/admin/exports/all_apps_wide?session=" + code,
                "/admin/exports/live_messages", "/demo", "/demo/session/" + code);
        for (String page : pages) {
            HttpResponse<String> response = anonymous.get(page);
            assertEquals(302, response.statusCode(), page);
            assertTrue(response.headers().firstValue("Location").orElseThrow().contains("/admin/login?next="), page);
            assertFalse(response.body().contains(code), page);
        }
        for (String action : List.of("/admin/sessions", "/admin/session/" + code + "/advance",
                "/admin/session/" + code + "/close", "/demo/auction")) {
            HttpResponse<String> response = anonymous.postForm(action, Map.of("session_config_name", "auction",
                    "num_participants", "3"));
            assertEquals(401, response.statusCode(), action);
        }
        assertEquals(1, Database.column("select closed_at from ludus_session where code = ? and closed_at is null",
                code).size(), "the anonymous close did nothing");
    }

    @Test
    void theAdminSignsInAndOut() throws Exception {
        var api = LudusApi.withoutRestKey(base.toURI());
        HttpResponse<String> wrong = api.login(System.getProperty("ludus.it.adminUsername"), "wrong password");
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().contains("Wrong user name or password"));
        assertEquals(302, api.get("/admin/sessions").statusCode(), "a failed login opens nothing");

        api.loginAsAdmin();
        HttpResponse<String> sessions = api.get("/admin/sessions");
        assertEquals(200, sessions.statusCode());
        assertTrue(sessions.body().contains("Create a session"));
        assertEquals(302, api.postForm("/admin/logout", Map.of()).statusCode());
        assertEquals(302, api.get("/admin/sessions").statusCode(), "signed out");
    }

    @Test
    void adminFormsNeedTheSessionsCsrfToken() throws Exception {
        var admin = newApi().loginAsAdmin();
        int before = Database.column("select id from ludus_session").size();
        Map<String, String> form = Map.of("session_config_name", "auction", "num_participants", "3");
        assertEquals(403, admin.postForm("/admin/sessions", withToken(form, "")).statusCode());
        assertEquals(403, admin.postForm("/admin/sessions", withToken(form, "0".repeat(64))).statusCode());
        // another admin session's token is no good either
        String othersToken = newApi().loginAsAdmin().csrfToken();
        assertEquals(403, admin.postForm("/admin/sessions", withToken(form, othersToken)).statusCode());
        assertEquals(before, Database.column("select id from ludus_session").size(), "nothing was created");

        HttpResponse<String> created = admin.postForm("/admin/sessions", form);
        assertEquals(303, created.statusCode(), created.body());
        assertTrue(created.headers().firstValue("Location").orElseThrow().startsWith("/admin/session/"));
    }

    @Test
    void participantUrlsStayOpen() throws Exception {
        var anonymous = LudusApi.withoutRestKey(base.toURI());
        assertEquals(404, anonymous.get("/InitializeParticipant/aaaaaaaaaaaaaaaa").statusCode());
        assertEquals(404, anonymous.get("/p/aaaaaaaaaaaaaaaa/0").statusCode());
        assertEquals(200, anonymous.get("/room/econ_lab").statusCode());
        assertEquals(404, anonymous.get("/join/aaaaaaaaaa").statusCode());
        assertEquals(200, anonymous.get("/ludus.js").statusCode());
    }

    private static Map<String, String> withToken(Map<String, String> form, String token) {
        var copy = new java.util.HashMap<>(form);
        copy.put("csrf_token", token);
        return copy;
    }
}
