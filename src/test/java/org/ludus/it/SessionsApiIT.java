package org.ludus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ludus.testkit.LudusApi;
import org.ludus.testkit.LudusIT;

/** POST /api/sessions/, GET /api/sessions/, GET /api/sessions/{code} and GET /api/rooms/, with oTree's JSON shapes. */
class SessionsApiIT extends LudusIT {

    @Test
    void createThenGetASession() throws Exception {
        var api = newApi();
        var response = api.post("/api/sessions/", "{\"session_config_name\":\"auction\",\"num_participants\":6,"
                + "\"modified_session_config_fields\":{\"participation_fee\":2.5}}");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject created = LudusApi.json(response.body());
        String code = created.getString("code");
        assertEquals(6, created.getJsonArray("participant_urls").size());

        JsonObject session = LudusApi.json(api.get("/api/sessions/" + code).body());
        assertEquals(code, session.getString("code"));
        assertEquals(6, session.getInt("num_participants"));
        assertEquals("auction", session.getJsonObject("config").getString("name"));
        assertEquals(2.5, session.getJsonObject("config").getJsonNumber("participation_fee").doubleValue());
        var participants = session.getJsonArray("participants").getValuesAs(JsonObject.class);
        assertEquals(6, participants.size());
        for (int i = 0; i < 6; i++) {
            JsonObject participant = participants.get(i);
            assertEquals(i + 1, participant.getInt("id_in_session"));
            assertTrue(participant.getString("code").matches("[a-z2-9]{16}"), participant.toString());
            assertTrue(participant.getString("start_url").endsWith("/InitializeParticipant/"
                    + participant.getString("code")));
            assertEquals(0, participant.getJsonNumber("payoff_in_real_world_currency").intValue());
            assertTrue(participant.containsKey("label"), "a null field is present: " + participant);
            assertEquals(JsonValue.NULL, participant.get("label"));
        }
        assertEquals(JsonValue.NULL, session.get("room_name"), "not in a room: null, not left out");
        assertEquals(JsonValue.NULL, session.get("room_url"));
    }

    @Test
    void theSessionsAreListedNewestFirst() {
        var api = newApi();
        String older = api.createSession("auction", 3).code();
        String newer = api.createSession("tictactoe", 2).code();
        var listed = LudusApi.jsonValue(api.get("/api/sessions/").body()).asJsonArray().getValuesAs(JsonObject.class);
        List<String> codes = listed.stream().map(s -> s.getString("code")).toList();
        assertTrue(codes.indexOf(newer) >= 0 && codes.indexOf(newer) < codes.indexOf(older), codes.toString());
        JsonObject summary = listed.get(codes.indexOf(newer));
        assertEquals("tictactoe", summary.getString("session_config_name"));
        assertEquals(2, summary.getInt("num_participants"));
        assertEquals(false, summary.getBoolean("closed"));
        assertEquals(JsonValue.NULL, summary.get("room_name"));
        assertTrue(summary.getString("session_wide_url").endsWith("/join/" + newer), summary.toString());
        assertTrue(summary.getString("admin_url").endsWith("/admin/session/" + newer), summary.toString());
        assertTrue(summary.getString("created_at").matches("\\d{4}-\\d\\d-\\d\\dT.*"), summary.toString());
    }

    @Test
    void theRoomsAreListedWithTheSessionOpenInThem() {
        var api = newApi();
        var response = api.post("/api/sessions/", "{\"session_config_name\":\"auction\",\"num_participants\":3,"
                + "\"room_name\":\"econ_lab\"}");
        assertEquals(200, response.statusCode(), response.body());
        String code = LudusApi.json(response.body()).getString("code");
        var rooms = LudusApi.jsonValue(api.get("/api/rooms/").body()).asJsonArray().getValuesAs(JsonObject.class);
        JsonObject econLab = rooms.stream().filter(r -> r.getString("name").equals("econ_lab")).findFirst()
                .orElseThrow(() -> new AssertionError(rooms.toString()));
        assertEquals(code, econLab.getString("session_code"));
        assertTrue(econLab.getString("room_wide_url").endsWith("/room/econ_lab"), econLab.toString());
        assertTrue(econLab.containsKey("display_name"), econLab.toString());
    }

    @Test
    void badRequestsGetJsonErrors() throws Exception {
        var api = newApi();
        assertError(api.post("/api/sessions/", "{\"session_config_name\":\"nope\",\"num_participants\":3}"), 400,
                "no session config named 'nope'");
        assertError(api.post("/api/sessions/", "{\"session_config_name\":\"auction\",\"num_participants\":4}"), 400,
                "multiple of 3");
        assertError(api.post("/api/sessions/", "{\"session_config_name\":\"auction\",\"num_participants\":0}"), 400,
                "from 1 to");
        assertError(api.post("/api/sessions/", "{\"session_config_name\":\"auction\",\"num_participants\":3,"
                + "\"modified_session_config_fields\":{\"unknown_key\":1}}"), 400, "no field 'unknown_key'");
        assertError(api.post("/api/sessions/", "{\"num_participants\":3}"), 400, "session_config_name");
        assertError(api.get("/api/sessions/doesnotexist"), 404, "doesnotexist");
    }

    private static void assertError(java.net.http.HttpResponse<String> response, int status, String message) {
        assertEquals(status, response.statusCode(), response.body());
        String text = LudusApi.json(response.body()).getString("message");
        assertTrue(text.contains(message), text);
    }
}
