package org.ludus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.ludus.testkit.LudusApi;
import org.ludus.testkit.LudusIT;

/** POST /api/sessions/ and GET /api/sessions/{code}, with oTree's JSON shapes. */
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
        }
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
