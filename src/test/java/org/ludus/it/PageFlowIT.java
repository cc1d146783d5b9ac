package org.ludus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.ludus.testkit.Database;
import org.ludus.testkit.LiveClient;
import org.ludus.testkit.LudusApi;
import org.ludus.testkit.LudusIT;

/** Participants move through their pages only forward, one page at a time, as the server says. */
class PageFlowIT extends LudusIT {

    @Test
    void aParticipantCannotSkipOrRevisitPagesByEditingUrls() throws Exception {
        var api = newApi();
        String code = api.createSession("auction", 3).participants().get(0);
        String first = "/p/" + code + "/0";

        assertEquals("/InitializeParticipant/" + code, location(api.get(first)), "before the start link");
        assertEquals(0, api.start(code));
        HttpResponse<String> page = api.get(first);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<form id=\"form\" method=\"post\" action=\"" + first + "\""), page.body());
        assertTrue(page.body().contains("data-live-url=\"/live/" + code + "/0\""), "the live page loads ludus.js");

        assertEquals(first, location(api.get("/p/" + code + "/1")), "skipping ahead by URL");
        assertEquals(0, api.next(code, 1), "submitting a later page changes nothing");
        assertEquals(1, api.next(code, 0), "the Next button moves on");
        assertEquals("/p/" + code + "/1", location(api.get(first)), "going back by URL");
        assertEquals(1, api.next(code, 0), "re-submitting an earlier page changes nothing");
        assertEquals(1, api.start(code), "the start link again resumes, it does not restart");

        String results = api.get("/p/" + code + "/1").body();
        assertTrue(results.contains("Nobody bid."), results);
        assertTrue(results.contains("data-live-url=\"/live/" + code + "/1\""), "every page has a socket for pushes");
        assertEquals(2, api.next(code, 1));
        assertTrue(api.get("/p/" + code + "/2").body().contains("You have completed this study"));
    }

    @Test
    void unknownParticipantsGetNotFound() throws Exception {
        var api = newApi();
        assertEquals(404, api.get("/InitializeParticipant/aaaaaaaaaaaaaaaa").statusCode());
        assertEquals(404, api.get("/p/aaaaaaaaaaaaaaaa/0").statusCode());
        assertEquals(404, api.post("/p/aaaaaaaaaaaaaaaa/0", "").statusCode());
    }

    @Test
    void theDemoPageCreatesASessionWithItsParticipantLinks() throws Exception {
        var api = newApi().loginAsAdmin(); // the demo page counts as admin (auth level STUDY)
        assertTrue(api.get("/demo").body().contains("action=\"/demo/auction\""));
        HttpResponse<String> created = api.postForm("/demo/auction", java.util.Map.of());
        assertEquals(303, created.statusCode());
        String links = api.get(location(created)).body();
        assertEquals(3, links.split("class=\"participant-link\" href=\"/InitializeParticipant/").length - 1, links);
        assertEquals(404, api.postForm("/demo/nonexistent", java.util.Map.of()).statusCode());
    }

    @Test
    void aDoubleClickOnTheStartLinkStartsTheParticipantOnce() throws Exception {
        var api = newApi();
        String code = api.createSession("auction", 3).participants().get(0);
        var clicks = new java.util.ArrayList<java.util.concurrent.CompletableFuture<Integer>>();
        for (int i = 0; i < 8; i++) { // eight tabs opening the link at once
            LudusApi tab = newApi();
            clicks.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> tab.start(code)));
        }
        clicks.forEach(click -> assertEquals(0, click.join()));
        assertEquals(1L, ((Number) Database.single("select count(*) from page_time where participant_code = ?",
                code)).longValue(), "placed on its first page once");
    }

    @Test
    void aSessionKeepsThePagesItWasCreatedWithAndSaysSoWhenTheyAreGone() throws Exception {
        var api = newApi().loginAsAdmin();
        var session = api.createSession("auction", 3);
        String code = session.participants().get(0);
        String kept = (String) Database.single("select page_sequence from ludus_session where code = ?",
                session.code());
        assertEquals("auction 1 org.ludus.apps.auction.BidPage\nauction 1 org.ludus.apps.auction.ResultsPage\n", kept);
        assertEquals(0, api.start(code));
        // as if a redeploy had removed the auction's results page: the session's own sequence names it
        Database.update("update ludus_session set page_sequence = ? where code = ?",
                kept.replace("ResultsPage", "RemovedPage"), session.code());
        HttpResponse<String> page = api.get("/p/" + code + "/0");
        assertEquals(503, page.statusCode(), page.body());
        assertTrue(page.body().contains("no longer on the server"), page.body());
        String admin = api.get("/admin/session/" + session.code()).body();
        assertTrue(admin.contains("id=\"session-problem\"") && admin.contains("RemovedPage"), admin);
        assertEquals(200, api.get("/admin/session/" + session.code() + "/monitor").statusCode());
    }

    @Test
    void timedOutPagesThatCannotBeLeftDoNotHoldUpTheOthers() throws Exception {
        var api = newApi();
        // the stuck ones time out first, and more of them than a sweep takes at once (the test server: 10)
        var poisoned = api.createSession("stall", 20, "{\"poison\": true}");
        poisoned.participants().forEach(api::start);
        var healthy = api.createSession("stall", 5);
        healthy.participants().forEach(api::start);
        for (String code : healthy.participants()) { // the server pushes the move to the page's socket
            try (LiveClient page = LiveClient.connect(api.base(), code, 0)) {
                JsonObject moved = page.until(frame -> "moved".equals(frame.getString("type"))).get(0);
                assertEquals("/p/" + code + "/1", moved.getString("url"));
            }
        }
        for (String code : poisoned.participants()) {
            assertEquals(0, ((Number) Database.single("select index_in_pages from participant where code = ?", code))
                    .intValue(), "a page that cannot be left stays");
        }
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow(
                () -> new AssertionError("expected a redirect, got " + response.statusCode()));
    }

    /**
     * A live message that arrives after its page's time ran out is refused (page_expired) and applies nothing,
     * though the sweep has not moved the participant yet (it waits a grace period for the browser's own submit).
     */
    @Test
    void aLiveMessageAfterThePagesTimeoutIsRefused() {
        var api = newApi();
        String code = api.createSession("expiry", 1).participants().get(0);
        int page = api.start(code); // its timeout is 0: the time is up on arrival
        try (LiveClient client = LiveClient.connect(api.base(), code, page)) {
            JsonObject refused = client.untilAnswer(client.send(java.util.Map.of("move", 1))).get(0);
            assertEquals("error", refused.getString("type"), refused.toString());
            assertEquals("page_expired", refused.getString("code"), refused.toString());
            assertTrue(refused.getString("message").contains("ran out"), refused.toString());
            client.until(frame -> "moved".equals(frame.getString("type"))); // then the server moves it on
        }
        assertEquals(0, ((Number) Database.single("select g.counted from expiry_group g join expiry_player p"
                + " on p.group_id = g.id join participant pa on pa.id = p.participant_id where pa.code = ?", code))
                .intValue(), "nothing was applied");
        assertEquals(0L, ((Number) Database.single("select count(*) from live_log where participant_code = ?", code))
                .longValue(), "nothing was logged");
    }
}
