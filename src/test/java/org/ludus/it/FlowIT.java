package org.ludus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ludus.testkit.Database;
import org.ludus.testkit.LiveClient;
import org.ludus.testkit.LudusApi;
import org.ludus.testkit.LudusIT;

/**
 * The page flow with the "flow" test apps: forms and their errors, a wait page, two rounds, a page shown
 * only in round 1, grouping by arrival time (also under open live sockets), and a timeout the server
 * enforces with no browser open.
 * Pages of "flow": round 1 Contribute 0, ResultsWait 1, Results 2; round 2 Contribute 3, ResultsWait 4,
 * (Results 5 not displayed); app "matching": ArrivalWait 6, Matched 7; finished 8.
 */
class FlowIT extends LudusIT {

    private LudusApi api;

    @BeforeEach
    void api() throws Exception {
        api = newApi();
    }

    private HttpResponse<String> submit(String code, int page, String form) {
        return api.post("/p/" + code + "/" + page, form);
    }

    private int indexOf(String code) {
        return ((Number) Database.single("select index_in_pages from participant where code = ?", code)).intValue();
    }

    @Test
    void formFieldsAreValidatedAndErrorMessageCanRefuseNext() {
        String code = api.createSession("flow", 4).participants().get(0);
        assertEquals(0, api.start(code));
        assertTrue(api.get("/p/" + code + "/0").body().contains("How much do you contribute (0 to 10)?"));

        assertFieldError(submit(code, 0, "contribution=abc&colour=red"), "Enter a number.");
        assertFieldError(submit(code, 0, "contribution=11&colour=red"), "must be less than or equal to 10");
        assertFieldError(submit(code, 0, "contribution=-1&colour=red"), "must be greater than or equal to 0");
        assertFieldError(submit(code, 0, "colour=red"), "This field is required.");
        assertFieldError(submit(code, 0, "contribution=3&colour=purple"), "Select a valid choice.");
        HttpResponse<String> refused = submit(code, 0, "contribution=7&colour=red");
        assertEquals(200, refused.statusCode());
        assertTrue(refused.body().contains("Seven is not allowed here."), refused.body());
        assertEquals(0, indexOf(code), "nothing was accepted so far");

        assertEquals(303, submit(code, 0, "contribution=4&colour=green").statusCode());
        assertEquals(1, indexOf(code));
        assertEquals(4, ((Number) Database.single("select contribution from flow_player p join participant pa"
                + " on pa.id = p.participant_id where pa.code = ? and p.round_number = 1", code)).intValue());
    }

    private static void assertFieldError(HttpResponse<String> response, String error) {
        assertEquals(200, response.statusCode(), "the page is shown again");
        assertTrue(response.body().contains(error), "expected '" + error + "' in " + response.body());
    }

    @Test
    void theWaitPageReleasesTheGroupOncePushesTheMoveAndRoundsFollow() {
        List<String> codes = api.createSession("flow", 4).participants();
        String p1 = codes.get(0);
        String p2 = codes.get(1);
        api.start(p1);
        api.start(p2);
        assertEquals(303, submit(p1, 0, "contribution=3&colour=red").statusCode());
        assertEquals(1, indexOf(p1), "player 1 waits for player 2");
        assertTrue(api.get("/p/" + p1 + "/1").body().contains("Waiting for the other participants."));
        try (LiveClient waiting = LiveClient.connect(api.base(), p1, 1)) {
            waiting.sendRaw("{\"type\":\"ping\"}");
            assertEquals("pong", waiting.next().getString("type")); // the socket is registered
            submit(p2, 0, "contribution=5&colour=blue");
            JsonObject moved = waiting.next();
            assertEquals("moved", moved.getString("type"), "the waiting page is told to move on: " + moved);
            assertEquals("/p/" + p1 + "/2", moved.getString("url"));
        }
        assertEquals(2, indexOf(p1));
        assertEquals(2, indexOf(p2));
        assertTrue(api.get("/p/" + p1 + "/2").body().contains("<p id=\"total\">8</p>"));
        assertEquals(List.of(1), Database.column("select g.releases from flow_group g join flow_player p"
                + " on p.group_id = g.id join participant pa on pa.id = p.participant_id where pa.code = ?"
                + " and p.round_number = 1", p1).stream().map(v -> ((Number) v).intValue()).toList());
        assertEquals(List.of(1), Database.column("select count(*) from page_time where participant_code = ?"
                + " and page_name = 'ResultsWaitPage' and completed_at is not null", p1).stream()
                .map(v -> ((Number) v).intValue()).toList(), "page times are recorded");

        assertEquals(3, api.next(p1, 2), "round 2 starts");
        submit(p1, 3, "contribution=1&colour=red");
        api.next(p2, 2);
        submit(p2, 3, "contribution=1&colour=red");
        // round 2's Results page is not displayed: on to the next app, whose arrival page pairs them at once
        assertEquals(7, indexOf(p1));
        assertEquals(7, indexOf(p2));
    }

    @Test
    void arrivalOrderDecidesTheGroups() {
        // the apps' groups are (1,2) and (3,4); participants 3 and 4 finish the first app first, so they
        // reach the arrival page first and must become group 1 of the second app
        List<String> codes = api.createSession("flow", 4).participants();
        codes.forEach(api::start);
        for (int round = 0; round < 2; round++) {
            for (int i : new int[] {3, 2, 1, 0}) {
                submit(codes.get(i), round * 3, "contribution=1&colour=red");
            }
            if (round == 0) {
                codes.forEach(code -> api.next(code, 2));
            }
        }
        List<Integer> group = Database.column("select g.id_in_subsession from matching_player p"
                + " join matching_group g on g.id = p.group_id join participant pa on pa.id = p.participant_id"
                + " where pa.session_id = (select session_id from participant where code = ?) order by pa.id_in_session",
                codes.get(0)).stream().map(v -> ((Number) v).intValue()).toList();
        assertEquals(List.of(2, 2, 1, 1), group, "participants 3 and 4 arrived first and form group 1");
    }

    @Test
    void aLiveMessageFromAPlayerRegroupedUnderItsOpenSocketRunsInTheNewGroup() {
        // "regroup": Talk 0 (live), RegroupWait 1 (by arrival time), Regrouped 2; groups (1,2) and (3,4)
        List<String> codes = api.createSession("regroup", 4).participants();
        codes.forEach(api::start);
        try (LiveClient first = LiveClient.connect(api.base(), codes.get(0), 0);
                LiveClient second = LiveClient.connect(api.base(), codes.get(1), 0)) {
            List<JsonObject> before = first.untilAnswer(first.send("before"));
            assertEquals(1, LiveClient.liveData(before).get(0).asJsonObject().getInt("group"));
            assertEquals("before", second.next().getJsonObject("data").getString("text"));

            // 3 and 4 arrive first and take group 1's places: 1 and 2, still talking, become group 2
            assertEquals(1, api.next(codes.get(2), 0));
            assertEquals(2, api.next(codes.get(3), 0));

            // the socket looked its group up with its first message; this one must find the new group
            List<JsonObject> after = first.untilAnswer(first.send("after"));
            assertEquals("ack", after.get(after.size() - 1).getString("type"), after.toString());
            JsonObject ran = LiveClient.liveData(after).get(0).asJsonObject();
            assertEquals(2, ran.getInt("group"), "run in the player's group now");
            assertEquals(1, ran.getInt("from"), "with the id in group the player has now");
            JsonObject heard = second.next().getJsonObject("data");
            assertEquals("after", heard.getString("text"), "the new group partner hears it");
        }
    }

    @Test
    void aSocketsMessagesAreAppliedInOrderWhileItsPlayerIsRegroupedAndNoGroupUpdateIsLost() {
        // 1 sends a hundred messages without waiting while 3 and 4 arrive and take group 1's places
        List<String> codes = api.createSession("regroup", 4).participants();
        codes.forEach(api::start);
        int sent = 100;
        try (LiveClient first = LiveClient.connect(api.base(), codes.get(0), 0)) {
            first.untilAnswer(first.send("warm-up"));
            var sending = new java.util.ArrayList<java.util.concurrent.CompletableFuture<?>>();
            for (long id = 2; id <= sent + 1; id++) {
                sending.add(first.sendRawAsync("{\"type\":\"live\",\"id\":" + id + ",\"data\":\"m" + id + "\"}"));
                if (id == 30) {
                    assertEquals(1, api.next(codes.get(2), 0));
                    assertEquals(2, api.next(codes.get(3), 0));
                }
            }
            sending.forEach(java.util.concurrent.CompletableFuture::join);
            var answers = new java.util.TreeMap<Long, String>();
            while (answers.size() < sent) {
                JsonObject frame = first.next();
                if ("ack".equals(frame.getString("type")) || "error".equals(frame.getString("type"))) {
                    answers.put(frame.getJsonNumber("id").longValue(), frame.getString("type")
                            + (frame.containsKey("code") ? " " + frame.getString("code") : ""));
                }
            }
            assertTrue(answers.values().stream().allMatch("ack"::equals), "every message applied: " + answers);
        }
        // applied in id order (the log's ids follow the order of its inserts, one socket's one at a time)
        List<Object> order = Database.column("select message_id from live_log where participant_code = ? order by id",
                codes.get(0));
        assertEquals(java.util.stream.LongStream.rangeClosed(1, sent + 1).boxed().toList(),
                order.stream().map(o -> ((Number) o).longValue()).toList());
        // each group's row kept every message it ran: no update of it was lost to the group's forming
        for (Object group : Database.column("select distinct group_id from live_log where participant_code = ?",
                codes.get(0))) {
            assertEquals(Database.single("select count(*) from live_log where app_name = 'regroup' and group_id = ?",
                    group), ((Number) Database.single("select talks from regroup_group where id = ?", group)).longValue(),
                    "group " + group);
        }
    }

    @Test
    void theServerEnforcesATimeoutWhenNoBrowserIsOpen() {
        List<String> codes = api.createSession("flow_timeout", 2).participants();
        String gone = codes.get(0);
        String watched = codes.get(1);
        api.start(gone); // and never comes back
        api.start(watched);
        try (LiveClient socket = LiveClient.connect(api.base(), watched, 0)) {
            // both timed out (in either order, so the page may first follow its player to the wait page),
            // so the wait page released them
            List<JsonObject> moves = socket.until(frame -> "moved".equals(frame.getString("type"))
                    && !frame.getString("url").endsWith("/1"));
            assertEquals("/p/" + watched + "/2", moves.get(moves.size() - 1).getString("url"));
        }
        assertEquals(2, indexOf(gone), "moved on with no browser");
        assertEquals(List.of(true, true), Database.column("select p.timed_out from flow_player p join participant pa"
                + " on pa.id = p.participant_id where pa.session_id = (select session_id from participant where code = ?)"
                + " and p.round_number = 1 order by pa.id_in_session", gone));
        assertEquals(List.of(true), Database.column("select timeout_happened from page_time where participant_code = ?"
                + " and page_index = 0", gone));
    }
}
