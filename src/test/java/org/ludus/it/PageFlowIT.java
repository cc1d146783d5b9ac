package org.ludus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

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

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow(
                () -> new AssertionError("expected a redirect, got " + response.statusCode()));
    }
}
