package org.ludus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ludus.testkit.Database;
import org.ludus.testkit.LudusApi;
import org.ludus.testkit.LudusIT;

/** Rooms with participant labels, return visits, and the session-wide link. */
class RoomIT extends LudusIT {

    @Test
    void labelsWaitForASessionThenKeepTheirParticipant() throws Exception {
        var admin = newApi().loginAsAdmin();
        closeSessionsOpenIn("econ_lab", admin);
        var participant = LudusApi.withoutRestKey(base.toURI());

        HttpResponse<String> form = participant.get("/room/econ_lab");
        assertEquals(200, form.statusCode());
        assertTrue(form.body().contains("name=\"participant_label\""), form.body());
        HttpResponse<String> unknown = participant.get("/room/econ_lab?participant_label=INTRUDER");
        assertEquals(403, unknown.statusCode());
        assertTrue(unknown.body().contains("not on the list"));
        HttpResponse<String> waiting = participant.get("/room/econ_lab?participant_label=LAB1");
        assertEquals(200, waiting.statusCode());
        assertTrue(waiting.body().contains("http-equiv=\"refresh\"") && waiting.body().contains("id=\"room-waiting\""),
                waiting.body());

        String session = createInRoom(admin, "econ_lab");
        String lab1 = participantFor(participant.get("/room/econ_lab?participant_label=LAB1"));
        assertTrue(codesOf(session).contains(lab1));
        assertEquals("LAB1", Database.single("select label from participant where code = ?", lab1));
        // another browser with the same label (no cookie) returns to the same participant
        assertEquals(lab1, participantFor(LudusApi.withoutRestKey(base.toURI())
                .get("/room/econ_lab?participant_label=LAB1")));
        assertEquals(lab1, participantFor(participant.get("/room/econ_lab?participant_label=%20LAB1%20")));
        String lab2 = participantFor(participant.get("/room/econ_lab?participant_label=LAB2"));
        String lab3 = participantFor(participant.get("/room/econ_lab?participant_label=LAB3"));
        assertEquals(3, new HashSet<>(java.util.List.of(lab1, lab2, lab3)).size());
        HttpResponse<String> full = participant.get("/room/econ_lab?participant_label=LAB4");
        assertEquals(200, full.statusCode());
        assertTrue(full.body().contains("id=\"room-full\""));

        // a new session in the room: the same label now gets a participant of the new session
        String next = createInRoom(admin, "econ_lab");
        String lab1Again = participantFor(participant.get("/room/econ_lab?participant_label=LAB1"));
        assertTrue(codesOf(next).contains(lab1Again));
        assertEquals(404, participant.get("/room/nowhere").statusCode());
    }

    @Test
    void aRoomWithoutLabelsKeepsOneParticipantPerBrowser() throws Exception {
        var admin = newApi().loginAsAdmin();
        String session = createInRoom(admin, "online");
        var first = LudusApi.withoutRestKey(base.toURI());
        var second = LudusApi.withoutRestKey(base.toURI());
        String one = participantFor(first.get("/room/online"));
        assertEquals(one, participantFor(first.get("/room/online")), "the cookie brings the browser back");
        String two = participantFor(second.get("/room/online"));
        assertNotEquals(one, two);
        assertTrue(codesOf(session).containsAll(java.util.List.of(one, two)));
    }

    @Test
    void theSessionWideLinkGivesEachBrowserOneSlot() throws Exception {
        var admin = newApi().loginAsAdmin();
        var session = admin.createSession("auction", 3);
        var browsers = java.util.List.of(LudusApi.withoutRestKey(base.toURI()), LudusApi.withoutRestKey(base.toURI()),
                LudusApi.withoutRestKey(base.toURI()));
        var given = new java.util.ArrayList<String>();
        for (LudusApi browser : browsers) {
            String code = participantFor(browser.get("/join/" + session.code()));
            assertEquals(code, participantFor(browser.get("/join/" + session.code())), "a second click resumes");
            given.add(code);
        }
        assertEquals(new HashSet<>(session.participants()), new HashSet<>(given));
        HttpResponse<String> full = LudusApi.withoutRestKey(base.toURI()).get("/join/" + session.code());
        assertTrue(full.body().contains("id=\"room-full\""), full.body());

        admin.postForm("/admin/session/" + session.code() + "/close", Map.of());
        assertEquals(404, LudusApi.withoutRestKey(base.toURI()).get("/join/" + session.code()).statusCode(),
                "a closed session takes no one new");
    }

    static String createInRoom(LudusApi admin, String room) {
        HttpResponse<String> created = admin.postForm("/admin/sessions", Map.of("session_config_name", "auction",
                "num_participants", "3", "room_name", room));
        assertEquals(303, created.statusCode(), created.body());
        return created.headers().firstValue("Location").orElseThrow().replaceFirst(".*/", "");
    }

    static void closeSessionsOpenIn(String room, LudusApi admin) {
        for (Object code : Database.column("select code from ludus_session where room_name = ? and closed_at is null",
                room)) {
            assertEquals(303, admin.postForm("/admin/session/" + code + "/close", Map.of()).statusCode());
        }
    }

    static java.util.List<Object> codesOf(String session) {
        return Database.column("select p.code from participant p join ludus_session s on p.session_id = s.id"
                + " where s.code = ?", session);
    }

    static String participantFor(HttpResponse<String> redirect) {
        assertEquals(302, redirect.statusCode(), redirect.body());
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertTrue(location.contains("/InitializeParticipant/"), location);
        return location.replaceFirst(".*/", "");
    }
}
