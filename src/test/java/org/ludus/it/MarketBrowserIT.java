package org.ludus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ludus.testkit.LudusIT;
import org.ludus.testkit.Participant;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** A buyer of the market in headless Chromium, the other seven traders bots: the book, the trades and the chart. */
class MarketBrowserIT extends LudusIT {

    private ChromeDriver browser;
    private final List<Participant> bots = new ArrayList<>();

    @AfterEach
    void quit() {
        bots.forEach(Participant::close);
        if (browser != null) {
            Browsers.quitCheckingPolicy(browser);
        }
    }

    @Test
    void tradesOfBotsAndOfThePageReachTheBookTheTradeListAndTheChart() throws Exception {
        var api = newApi();
        var session = api.createSession("market", 8,
                "{\"value_min\":80,\"value_max\":80,\"cost_min\":30,\"cost_max\":30}");
        browser = Browsers.open();
        browser.get(base.toURI().resolve("/InitializeParticipant/" + session.participants().get(0)).toString());
        Browsers.waitFor(browser).until(b -> "open".equals(browser.executeScript("return ludus.state()")));
        for (String code : session.participants().subList(1, 8)) { // the browser waits on the market's wait page
            var bot = new Participant(api, code);
            bot.start();
            bots.add(bot);
        }
        for (Participant bot : bots) { // the last arrival opened the market: everyone is on its page
            assertEquals(1, bot.start());
            bot.live();
        }
        Browsers.waitFor(browser).until(b -> "80".equals(text("limit"))); // the server moved the browser too
        Browsers.waitFor(browser).until(b -> "open".equals(browser.executeScript("return ludus.state()")));
        assertEquals(0L, chartPoints());

        bots.get(0).reply(Map.of("type", "bid", "price", 55)); // buyer 2
        bots.get(3).reply(Map.of("type", "ask", "price", 70)); // seller 5
        awaitBook(List.of("55:70"));
        bots.get(4).reply(Map.of("type", "ask", "price", 50)); // seller 6 crosses the bid: a trade at 55
        Browsers.waitFor(browser).until(b -> chartPoints() == 1L);
        assertEquals(List.of("1:55"), tradeRows());
        awaitBook(List.of(":70"));

        browser.findElement(By.id("price")).sendKeys("45");
        browser.findElement(By.id("send-offer")).click();
        awaitBook(List.of("45:70"));
        assertEquals("45", text("my-offer"));
        bots.get(5).reply(Map.of("type", "ask", "price", 40)); // seller 7 takes the page's bid, at 45
        Browsers.waitFor(browser).until(b -> chartPoints() == 2L);
        assertEquals(List.of("2:45", "1:55"), tradeRows());
        assertEquals("35", text("payoff"));
        assertEquals("–", text("my-offer"));
        assertEquals("You bought a unit at 45.00 (value 80.00): you earn 35.00.", text("news"));

        browser.findElement(By.id("price")).sendKeys("90"); // above the value: refused, shown to this page
        browser.findElement(By.id("send-offer")).click();
        Browsers.waitFor(browser).until(b -> "You cannot bid above your value of 80.00 for this unit."
                .equals(text("notice")));

        browser.navigate().refresh(); // the state after a reload: the same trades in the chart
        Browsers.waitFor(browser).until(b -> "open".equals(browser.executeScript("return ludus.state()")));
        Browsers.waitFor(browser).until(b -> chartPoints() == 2L);
        assertEquals(List.of(55L, 45L), browser.executeScript("return window.marketChart.data.datasets[0].data"));
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private long chartPoints() {
        return (Long) browser.executeScript("return window.marketChart.data.datasets[0].data.length");
    }

    /** The book as "bid:ask" rows, read in one script so a redraw cannot tear it. */
    @SuppressWarnings("unchecked")
    private List<String> book() {
        return ((List<List<String>>) browser.executeScript("return Array.from(document.querySelectorAll("
                + "'#book-rows tr'), r => [r.cells[0].textContent, r.cells[1].textContent])")).stream()
                .map(row -> row.get(0) + ":" + row.get(1)).toList();
    }

    private void awaitBook(List<String> rows) {
        Browsers.waitFor(browser).until(b -> rows.equals(book()));
    }

    @SuppressWarnings("unchecked")
    private List<String> tradeRows() {
        return ((List<List<String>>) browser.executeScript("return Array.from(document.querySelectorAll("
                + "'#trade-rows tr'), r => [r.cells[0].textContent, r.cells[1].textContent])")).stream()
                .map(row -> row.get(0) + ":" + row.get(1)).toList();
    }
}
