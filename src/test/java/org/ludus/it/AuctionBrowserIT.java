package org.ludus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ludus.testkit.LudusIT;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** Three participants of one auction group in three headless Chromium browsers. */
class AuctionBrowserIT extends LudusIT {

    private final List<ChromeDriver> browsers = new ArrayList<>();

    @AfterEach
    void quit() {
        Browsers.quitAllCheckingPolicy(browsers);
    }

    @Test
    void aBidTypedInOnePageAppearsInEveryHistoryAndSurvivesAReload() throws Exception {
        var api = newApi();
        var session = api.createSession("auction", 3);
        for (String code : session.participants()) {
            ChromeDriver browser = Browsers.open();
            browsers.add(browser);
            browser.get(base.toURI().resolve("/InitializeParticipant/" + code).toString());
            Browsers.waitFor(browser).until(b -> "open".equals(browser.executeScript("return ludus.state()")));
        }

        bid(browsers.get(0), "42");
        for (ChromeDriver browser : browsers) {
            awaitHistory(browser, List.of("1:42"));
        }
        bid(browsers.get(1), "30"); // lower: nobody's table changes
        bid(browsers.get(2), "57.5");
        for (ChromeDriver browser : browsers) {
            awaitHistory(browser, List.of("1:42", "3:57.5"));
            assertEquals(0, new BigDecimal("57.5").compareTo(highestBid(browser)));
        }

        ChromeDriver reloaded = browsers.get(1);
        reloaded.navigate().refresh();
        awaitHistory(reloaded, List.of("1:42", "3:57.5"));
        assertEquals(0, new BigDecimal("57.5").compareTo(highestBid(reloaded)));
    }

    static void bid(ChromeDriver browser, String amount) {
        browser.findElement(By.id("inputbox")).sendKeys(amount);
        browser.findElement(By.id("send-bid")).click();
    }

    static BigDecimal highestBid(ChromeDriver browser) {
        return new BigDecimal(browser.findElement(By.id("highest-bid")).getText());
    }

    /** Waits until the history table holds exactly these "player:bid" rows. */
    static void awaitHistory(ChromeDriver browser, List<String> rows) {
        Browsers.waitFor(browser).until(b -> rows.equals(history(browser)));
    }

    /** The table read in one script, so a redraw in the middle cannot tear it. */
    @SuppressWarnings("unchecked")
    static List<String> history(ChromeDriver browser) {
        List<List<String>> rows = (List<List<String>>) browser.executeScript("return Array.from("
                + "document.querySelectorAll('#history-rows tr'), r => [r.cells[0].textContent, r.cells[1].textContent])");
        return rows.stream()
                .map(row -> row.get(0) + ":" + new BigDecimal(row.get(1)).stripTrailingZeros().toPlainString())
                .toList();
    }
}
