package org.ludus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.ludus.testkit.Database;
import org.ludus.testkit.LudusApi;
import org.ludus.testkit.LudusIT;

/** The REST API's routes beyond create/get (SessionsApiIT), each error, and the REST key (oTree's shapes). */
class RestApiIT extends LudusIT {

    @Test
    void sessionConfigsAreListedWithTheirFields() throws Exception {
        var response = newApi().get("/api/session_configs/");
        assertEquals(200, response.statusCode(), response.body());
        var configs = jakarta.json.Json.createReader(new java.io.StringReader(response.body())).readArray()
                .getValuesAs(JsonObject.class);
        JsonObject auction = configs.stream().filter(c -> c.getString("name").equals("auction")).findFirst().orElseThrow();
        assertEquals("Auction (live bids)", auction.getString("display_name"));
        assertEquals("auction", auction.getJsonArray("app_sequence").getString(0));
        assertEquals(3, auction.getInt("num_demo_participants"));
        assertTrue(auction.containsKey("participation_fee") && auction.containsKey("real_world_currency_per_point"));
    }

    @Test
    void aSessionCreatedInARoomHasItsLinks() throws Exception {
        var api = newApi();
        var response = api.post("/api/sessions/", "{\"session_config_name\":\"auction\",\"num_participants\":3,"
                + "\"room_name\":\"online\"}");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject created = LudusApi.json(response.body());
        String code = created.getString("code");
        assertEquals(base.toURI().resolve("/join/" + code).toString(), created.getString("session_wide_url"));
        assertEquals(base.toURI().resolve("/admin/session/" + code).toString(), created.getString("admin_url"));
        assertEquals("online", created.getString("room_name"));

        JsonObject session = LudusApi.json(api.get("/api/sessions/" + code).body());
        assertEquals(created.getString("session_wide_url"), session.getString("session_wide_url"));
        assertEquals(base.toURI().resolve("/room/online").toString(), session.getString("room_url"));
        assertEquals(3, session.getJsonArray("participants").size());
    }

    @Test
    void sessionVarsGoToTheSessionOpenInTheRoom() throws Exception {
        var api = newApi();
        String code = LudusApi.json(api.post("/api/sessions/", "{\"session_config_name\":\"auction\","
                + "\"num_participants\":3,\"room_name\":\"online\"}").body()).getString("code");
        var response = api.post("/api/session_vars/", "{\"room_name\":\"online\",\"vars\":{\"treatment\":\"high\"}}");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject session = LudusApi.json(api.get("/api/sessions/" + code).body());
        assertEquals("high", session.getJsonObject("vars").getString("treatment"));
        assertTrue(((String) Database.single("select vars_json from ludus_session where code = ?", code))
                .contains("\"treatment\":\"high\""));
    }

    @Test
    void participantVarsSentBeforeArrivalReachTheLabelsParticipant() throws Exception {
        var api = newApi();
        var stored = api.post("/api/participant_vars/", "{\"room_name\":\"econ_lab\",\"participant_label\":\"LAB7\","
                + "\"vars\":{\"age\":31,\"panel\":\"b\"}}");
        assertEquals(200, stored.statusCode(), stored.body());
        String code = LudusApi.json(api.post("/api/sessions/", "{\"session_config_name\":\"auction\","
                + "\"num_participants\":3,\"room_name\":\"econ_lab\"}").body()).getString("code");
        HttpResponse<String> entered = api.get("/room/econ_lab?participant_label=LAB7");
        assertEquals(302, entered.statusCode(), entered.body());
        String participant = entered.headers().firstValue("Location").orElseThrow().replaceFirst(".*/", "");
        String vars = (String) Database.single("select vars_json from participant where code = ?", participant);
        assertTrue(vars.contains("\"age\":31") && vars.contains("\"panel\":\"b\""), vars);

        // sent while the label is in the session: its participant gets them at once
        assertEquals(200, api.post("/api/participant_vars/", "{\"room_name\":\"econ_lab\",\"participant_label\":"
                + "\"LAB7\",\"vars\":{\"panel\":\"c\"}}").statusCode());
        vars = (String) Database.single("select vars_json from participant where code = ?", participant);
        assertTrue(vars.contains("\"age\":31") && vars.contains("\"panel\":\"c\""), vars);
        assertTrue(Database.column("select p.code from participant p join ludus_session s on p.session_id = s.id"
                + " where s.code = ?", code).contains(participant), "LAB7 is in the session open in the room");
    }

    @Test
    void errorsAreJsonWithTheRightStatus() throws Exception {
        var api = newApi();
        assertError(api.post("/api/sessions/", "{\"session_config_name\":\"auction\",\"num_participants\":3,"
                + "\"room_name\":\"nowhere\"}"), 404, "no room named 'nowhere'");
        assertError(api.post("/api/participant_vars/", "{\"room_name\":\"econ_lab\",\"vars\":{}}"), 400,
                "participant_label");
        assertError(api.post("/api/participant_vars/", "{\"room_name\":\"nowhere\",\"participant_label\":\"A\","
                + "\"vars\":{}}"), 404, "no room named 'nowhere'");
        assertError(api.post("/api/session_vars/", "{\"vars\":{}}"), 400, "room_name");
        assertError(api.post("/api/session_vars/", "{\"room_name\":\"nowhere\",\"vars\":{}}"), 404, "nowhere");
        assertError(api.get("/api/sessions/doesnotexist"), 404, "doesnotexist");
        assertError(api.post("/api/sessions/", "{\"session_config_name\":\"nope\",\"num_participants\":3}"), 400,
                "no session config named 'nope'");
    }

    @Test
    void everyRouteNeedsTheRestKey() throws Exception {
        var withoutKey = LudusApi.withoutRestKey(base.toURI());
        var routes = java.util.List.of(java.util.List.of("GET", "/api/session_configs/", ""),
                java.util.List.of("GET", "/api/sessions/doesnotexist", ""),
                java.util.List.of("GET", "/api/sessions/", ""), java.util.List.of("GET", "/api/rooms/", ""),
                java.util.List.of("POST", "/api/sessions/", "{\"session_config_name\":\"auction\",\"num_participants\":3}"),
                java.util.List.of("POST", "/api/participant_vars/",
                        "{\"room_name\":\"econ_lab\",\"participant_label\":\"LAB1\",\"vars\":{}}"),
                java.util.List.of("POST", "/api/session_vars/", "{\"room_name\":\"online\",\"vars\":{}}"));
        for (var route : routes) {
            assertError(route.get(0).equals("GET") ? withoutKey.get(route.get(1)) : withoutKey.post(route.get(1),
                    route.get(2)), 401, "otree-rest-key");
            // a wrong key, each from an address of its own: wrong keys from one address are slowed down
            RawHttp.Answer wrong = RawHttp.send(RawHttp.freshAddress(), base.toURI(), route.get(0), route.get(1),
                    base.getHost() + ":" + base.getPort(), java.util.List.of("otree-rest-key: not-the-key",
                            "Content-Type: application/json"),
                    route.get(0).equals("GET") ? null : route.get(2).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(401, wrong.status(), wrong.body());
            assertTrue(LudusApi.json(wrong.body()).getString("message").contains("otree-rest-key"), wrong.body());
        }
        // an admin's login is no REST key
        var admin = LudusApi.withoutRestKey(base.toURI()).loginAsAdmin();
        assertError(admin.get("/api/session_configs/"), 401, "otree-rest-key");
    }

    static void assertError(HttpResponse<String> response, int status, String message) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                response.headers().toString());
        String text = LudusApi.json(response.body()).getString("message");
        assertTrue(text.contains(message), text);
    }
}
