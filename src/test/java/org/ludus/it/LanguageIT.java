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
import org.ludus.testkit.Participant;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Participants see their session's language (oTree's LANGUAGE_CODE): a German session's pages, wait page,
 * countdown, form errors, room and results are German; a session without one is in the server's (English).
 * "flow_timeout" (test apps): a form page with a timeout, then a wait page.
 */
class LanguageIT extends LudusIT {

    @Test
    void aGermanSessionsPagesAreGerman() throws Exception {
        var api = newApi();
        List<Participant> players = Participant.of(api,
                api.createSession("flow_timeout", 2, "{\"language\": \"de\", \"contribute_timeout\": 300}"));
        Participant first = players.get(0);
        assertEquals(0, first.start());
        String page = first.html();
        assertTrue(page.contains("<html lang=\"de\">"), page);
        assertTrue(page.contains("<button class=\"next-button\" type=\"submit\">Weiter</button>"), page);
        assertTrue(page.contains("Verbleibende Zeit auf dieser Seite:"), "the countdown's text: " + page);
        assertTrue(page.contains("<script type=\"application/json\" id=\"ludus-texts\">"
                + "{\"time_up\":\"Die Zeit ist abgelaufen.\"}</script>"), "the countdown script's text: " + page);
        assertFalse(page.contains(">Next<") || page.contains("Time left"), page);

        HttpResponse<String> refused = first.submit(Map.of("contribution", "abc", "colour", "red"));
        assertEquals(200, refused.statusCode());
        assertTrue(refused.body().contains("Bitte geben Sie eine Zahl ein."), refused.body());
        refused = first.submit(Map.of("colour", "red"));
        assertTrue(refused.body().contains("Dieses Feld ist erforderlich."), refused.body());
        refused = first.submit(Map.of("contribution", "11", "colour", "red"));
        assertTrue(refused.body().contains("muss kleiner-gleich 10 sein"), "Bean Validation's @Max: " + refused.body());
        refused = first.submit(Map.of("contribution", "3", "colour", "purple"));
        assertTrue(refused.body().contains("Bitte wählen Sie eine gültige Option."), refused.body());

        assertEquals(303, first.submit(Map.of("contribution", "3", "colour", "red")).statusCode());
        String waiting = first.html();
        assertTrue(waiting.contains("<html lang=\"de\">"), waiting);
        assertTrue(waiting.contains("<title>Bitte warten</title>"), waiting);
        assertTrue(waiting.contains("Warten auf die anderen Teilnehmer."), waiting);
        assertTrue(waiting.contains("Diese Seite geht von selbst weiter."), waiting);
        assertEquals("de", Database.single("select language from ludus_session s join participant p"
                + " on p.session_id = s.id where p.code = ?", first.code()));
    }

    @Test
    void aSessionWithoutALanguageIsInTheServersEnglish() throws Exception {
        var api = newApi();
        List<Participant> players = Participant.of(api, api.createSession("flow_timeout", 2,
                "{\"contribute_timeout\": 300}"));
        Participant first = players.get(0);
        first.start();
        String page = first.html();
        assertTrue(page.contains("<html lang=\"en\">"), page);
        assertTrue(page.contains("<button class=\"next-button\" type=\"submit\">Next</button>"), page);
        assertTrue(page.contains("Time left on this page:"), page);
        assertTrue(page.contains("{\"time_up\":\"Time is up.\"}"), page);
        assertTrue(first.submit(Map.of("colour", "red")).body().contains("This field is required."));
        assertEquals(303, first.submit(Map.of("contribution", "3", "colour", "red")).statusCode());
        String waiting = first.html();
        assertTrue(waiting.contains("<title>Please wait</title>") && waiting.contains("This page moves on by itself."),
                waiting);
        assertEquals("en", Database.single("select language from ludus_session s join participant p"
                + " on p.session_id = s.id where p.code = ?", first.code()));
    }

    @Test
    void amountsAndTheFinishedPageAreInTheLanguage() throws Exception {
        var api = newApi();
        List<Participant> bidders = Participant.of(api, api.createSession("auction", 3, "{\"language\": \"de\"}"));
        bidders.forEach(bot -> { bot.start(); bot.live(); });
        bidders.get(0).reply(Map.of("bid", 1234.5));
        Participant winner = bidders.get(0);
        assertEquals(1, winner.next());
        String results = winner.html();
        assertTrue(results.contains("won with a bid of 1.234,50."), "the author's text, Ludus's amount: " + results);
        assertEquals(2, winner.next());
        String finished = winner.html();
        assertTrue(finished.contains("<html lang=\"de\">") && finished.contains("Vielen Dank")
                && finished.contains("Sie haben diese Studie abgeschlossen."), finished);
        // what machines read stays as it was: the REST API's numbers
        String rest = api.get("/api/sessions/" + Database.single("select s.code from ludus_session s join participant"
                + " p on p.session_id = s.id where p.code = ?", winner.code())).body();
        assertTrue(rest.contains("\"language\":\"de\""), rest);
    }

    @Test
    void theRoomOfAGermanSessionIsGerman() throws Exception {
        var admin = newApi().loginAsAdmin();
        RoomIT.closeSessionsOpenIn("econ_lab", admin);
        var api = newApi();
        HttpResponse<String> created = api.post("/api/sessions/", "{\"session_config_name\":\"auction\","
                + "\"num_participants\":3,\"room_name\":\"econ_lab\",\"modified_session_config_fields\":"
                + "{\"language\":\"de\"}}");
        assertEquals(200, created.statusCode(), created.body());
        try {
            var participant = LudusApi.withoutRestKey(base.toURI());
            String form = participant.get("/room/econ_lab").body();
            assertTrue(form.contains("<html lang=\"de\">") && form.contains("Bitte geben Sie Ihre Teilnehmerkennung ein")
                    && form.contains(">Weiter</button>"), form);
            HttpResponse<String> intruder = participant.get("/room/econ_lab?participant_label=INTRUDER");
            assertEquals(403, intruder.statusCode());
            assertTrue(intruder.body().contains("Diese Teilnehmerkennung steht nicht auf der Liste dieses Raums."),
                    intruder.body());
        } finally {
            RoomIT.closeSessionsOpenIn("econ_lab", admin);
        }
        String code = LudusApi.json(created.body()).getString("code");
        HttpResponse<String> closed = LudusApi.withoutRestKey(base.toURI()).get("/join/" + code);
        assertEquals(404, closed.statusCode());
        assertTrue(closed.body().contains("<html lang=\"de\">") && closed.body().contains("Fehler 404")
                && closed.body().contains("Sitzung nicht gefunden oder geschlossen"), closed.body());
        String empty = LudusApi.withoutRestKey(base.toURI()).get("/room/econ_lab?participant_label=LAB1").body();
        assertTrue(empty.contains("<html lang=\"en\">") && empty.contains("The session will begin soon."), empty);
    }

    @Test
    void aLanguageWithoutTextsIsRefusedWhenTheSessionIsCreated() throws Exception {
        var api = newApi();
        Object before = Database.single("select count(*) from ludus_session");
        for (String language : List.of("klingon", "xx")) {
            HttpResponse<String> refused = api.post("/api/sessions/", "{\"session_config_name\":\"auction\","
                    + "\"num_participants\":3,\"modified_session_config_fields\":{\"language\":\"" + language + "\"}}");
            assertEquals(400, refused.statusCode(), refused.body());
            String message = LudusApi.json(refused.body()).getString("message");
            assertTrue(message.startsWith("language must be one of en, de, es, fr, it, nl, pt, ru, ja, ko, zh-Hans")
                    && message.endsWith("not '" + language + "'"), message);
        }
        var admin = newApi().loginAsAdmin();
        HttpResponse<String> form = admin.postForm("/admin/sessions", Map.of("session_config_name", "auction",
                "num_participants", "3", "modified_session_config_fields", "language = klingon"));
        assertEquals(400, form.statusCode(), form.body());
        assertTrue(form.body().contains("language must be one of en, de"), form.body());
        assertEquals(before, Database.single("select count(*) from ludus_session"), "nothing was created");
    }

    @Test
    void theCountdownScriptTakesItsTextFromThePage() throws Exception {
        var api = newApi();
        String code = api.createSession("flow_timeout", 2, "{\"language\": \"de\", \"contribute_timeout\": 4}")
                .participants().get(0);
        ChromeDriver browser = Browsers.open();
        try {
            browser.get(base.toURI().resolve("/InitializeParticipant/" + code).toString());
            // the page's own submit at zero is held back, so the text it writes then stays to be read
            browser.executeScript("HTMLFormElement.prototype.submit = function () { window.submitted = true; };");
            assertTrue(browser.findElement(By.cssSelector(".timer")).getText()
                    .startsWith("Verbleibende Zeit auf dieser Seite:"));
            Browsers.waitFor(browser).until(b -> Boolean.TRUE.equals(browser.executeScript("return window.submitted")));
            assertEquals("Die Zeit ist abgelaufen.", browser.findElement(By.cssSelector(".timer")).getText());
            // the server moves it on by itself: to the wait page, in German
            Browsers.waitFor(browser).until(b -> browser.getCurrentUrl().endsWith("/1"));
            assertEquals("Bitte warten", browser.getTitle());
            assertEquals("de", browser.findElement(By.tagName("html")).getAttribute("lang"));
        } finally {
            Browsers.quitCheckingPolicy(browser);
        }
    }
}
