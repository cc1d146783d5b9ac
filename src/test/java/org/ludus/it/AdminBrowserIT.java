package org.ludus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ludus.testkit.Database;
import org.ludus.testkit.LudusApi;
import org.ludus.testkit.LudusIT;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The experimenter's day in headless Chromium: sign in, create a session, open two participant links in other
 * windows, watch them appear on the live monitor (no reload), see a bid on the chart, advance the slowest.
 */
class AdminBrowserIT extends LudusIT {

    private ChromeDriver browser;

    @AfterEach
    void quit() {
        if (browser != null) {
            Browsers.quitCheckingPolicy(browser);
        }
    }

    @Test
    void signInCreateWatchAndAdvance() throws Exception {
        browser = Browsers.open();
        browser.get(base.toURI().resolve("/admin/sessions").toString());
        Browsers.waitFor(browser).until(b -> b.getCurrentUrl().contains("/admin/login"));
        browser.findElement(By.id("username")).sendKeys(System.getProperty("ludus.it.adminUsername"));
        browser.findElement(By.id("password")).sendKeys(System.getProperty("ludus.it.adminPassword"));
        browser.findElement(By.id("sign-in")).click();
        Browsers.waitFor(browser).until(b -> b.getCurrentUrl().endsWith("/admin/sessions"));

        new Select(browser.findElement(By.id("session_config_name"))).selectByValue("auction");
        browser.findElement(By.id("num_participants")).sendKeys("3");
        browser.findElement(By.id("create")).click();
        Browsers.waitFor(browser).until(b -> b.getCurrentUrl().matches(".*/admin/session/[a-z2-9]+$"));
        String session = browser.getCurrentUrl().replaceFirst(".*/", "");
        List<String> links = browser.findElements(By.className("participant-link")).stream()
                .map(a -> a.getAttribute("href")).toList();
        assertEquals(3, links.size());
        assertTrue(browser.findElement(By.id("session-wide-link")).getText().endsWith("/join/" + session));

        browser.findElement(By.id("tab-monitor")).click();
        String monitor = browser.getWindowHandle();
        Browsers.waitFor(browser).until(b -> "live".equals(b.findElement(By.id("monitor-state")).getText()));
        assertEquals(List.of("not started", "not started", "not started"), column("status"));

        for (String link : links.subList(0, 2)) {
            browser.switchTo().newWindow(WindowType.WINDOW);
            browser.get(link);
            Browsers.waitFor(browser).until(b -> "open".equals(browser.executeScript("return ludus.state()")));
        }
        String secondParticipant = browser.getWindowHandle();
        AuctionBrowserIT.bid(browser, "42");

        browser.switchTo().window(monitor);
        Browsers.waitFor(browser).until(b -> column("status").equals(List.of("playing", "playing", "not started"))
                && column("connected").equals(List.of("yes", "yes", "no"))
                && column("page").equals(List.of("BidPage", "BidPage", "")));
        Browsers.waitFor(browser).withMessage(() -> "chart: " + browser.executeScript("return typeof Chart + ' '"
                + " + JSON.stringify(window.ludusLatest && window.ludusLatest.messages)"))
                .until(b -> Long.valueOf(1).equals(browser.executeScript("var c = Chart.getChart('live-chart');"
                        + " return c ? c.data.datasets.reduce((n, d) => n + d.data.length, 0) : 0;")));
        assertEquals(42.0, ((Number) browser.executeScript(
                "return Chart.getChart('live-chart').data.datasets[0].data[0].y")).doubleValue());

        browser.findElement(By.id("advance-slowest")).click();
        browser.switchTo().alert().accept();
        Browsers.waitFor(browser).until(b -> column("page").equals(List.of("ResultsPage", "ResultsPage", "")));
        assertEquals(2, ((Number) Database.single("select count(*) from page_time t join ludus_session s"
                + " on t.session_id = s.id where s.code = ? and t.timeout_happened", session)).intValue());

        browser.switchTo().window(secondParticipant);
        Browsers.waitFor(browser).until(b -> b.getCurrentUrl().endsWith("/1")); // the participant's page followed
    }

    @Test
    void theMonitorStreamsWhereEachParticipantIs() throws Exception {
        var admin = newApi().loginAsAdmin();
        var session = admin.createSession("auction", 3);
        admin.start(session.participants().get(1));
        var page = admin.get("/admin/session/" + session.code() + "/monitor");
        assertEquals(200, page.statusCode(), page.body());
        var changed = List.of("not started", "playing", "playing");
        List<String> events = admin.eventData("/admin/api/sessions/" + session.code() + "/monitor",
                () -> admin.start(session.participants().get(2)),
                data -> data.size() >= 2 && statuses(data.get(data.size() - 1)).equals(changed));
        var rows = LudusApi.json(events.get(0)).getJsonArray("participants").getValuesAs(jakarta.json.JsonObject.class);
        assertEquals(List.of("not started", "playing", "not started"),
                rows.stream().map(r -> r.getString("status")).toList());
        assertEquals("BidPage", rows.get(1).getString("page"));
        assertEquals(changed, statuses(events.get(events.size() - 1)), "the stream stays open and sends the change");
        assertEquals(404, admin.get("/admin/api/sessions/aaaaaaaaaa/monitor").statusCode());
    }

    private static List<String> statuses(String monitorEvent) {
        return LudusApi.json(monitorEvent).getJsonArray("participants").getValuesAs(jakarta.json.JsonObject.class)
                .stream().map(r -> r.getString("status")).toList();
    }

    /** One column of the monitor table, read in one script so a redraw cannot tear it. */
    @SuppressWarnings("unchecked")
    private List<String> column(String className) {
        return (List<String>) browser.executeScript("return Array.from(document.querySelectorAll("
                + "'#monitor-rows td." + className + "'), td => td.textContent)");
    }

}
