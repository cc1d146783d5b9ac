package org.ludus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ludus.testkit.LudusIT;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** Tic-tac-toe and ten messages played in two headless Chromium browsers. */
class GamesBrowserIT extends LudusIT {

    private final List<ChromeDriver> browsers = new ArrayList<>();

    @AfterEach
    void quit() {
        Browsers.quitAllCheckingPolicy(browsers);
    }

    private List<ChromeDriver> openAll(String config, int participants) throws Exception {
        var api = newApi();
        for (String code : api.createSession(config, participants).participants()) {
            ChromeDriver browser = Browsers.open();
            browsers.add(browser);
            browser.get(base.toURI().resolve("/InitializeParticipant/" + code).toString());
            Browsers.waitFor(browser).until(b -> "open".equals(browser.executeScript("return ludus.state()")));
        }
        return browsers;
    }

    private static String board(ChromeDriver browser) {
        return (String) browser.executeScript("return Array.from(document.querySelectorAll('#board .cell'),"
                + " c => c.textContent || ' ').join('')");
    }

    private static void click(ChromeDriver browser, int square, String expectedBoard, List<ChromeDriver> all) {
        browser.findElement(By.cssSelector(".cell[data-square='" + square + "']")).click();
        for (ChromeDriver each : all) {
            Browsers.waitFor(each).until(b -> expectedBoard.equals(board(each)));
        }
    }

    @Test
    void ticTacToeToAWinWithAReloadInTheMiddle() throws Exception {
        List<ChromeDriver> players = openAll("tictactoe", 2);
        ChromeDriver x = players.get(0);
        ChromeDriver o = players.get(1);
        click(x, 4, "    X    ", players);
        click(o, 0, "O   X    ", players);
        click(x, 2, "O X X    ", players);

        o.navigate().refresh(); // mid-game: the reloaded page shows the board from the server
        Browsers.waitFor(o).until(b -> "O X X    ".equals(board(o)));
        Browsers.waitFor(o).until(b -> o.findElement(By.id("status")).getText().equals("Your turn."));
        click(o, 8, "O X X   O", players);

        x.findElement(By.cssSelector(".cell[data-square='6']")).click(); // 2-4-6: X wins
        for (ChromeDriver each : players) {
            Browsers.waitFor(each).until(b -> each.getCurrentUrl().endsWith("/1"));
        }
        assertEquals("You won.", x.findElement(By.id("outcome")).getText());
        assertEquals("You lost.", o.findElement(By.id("outcome")).getText());
        assertEquals("O X X X O", o.findElement(By.id("final-board")).getText().replace('\u00a0', ' '));
    }

    @Test
    void tenMessagesSubmitsEveryPageByItself() throws Exception {
        List<ChromeDriver> players = openAll("ten_messages", 2);
        for (int i = 1; i <= 10; i++) {
            ChromeDriver sender = players.get(i % 2);
            if (i < 10) {
                sender.findElement(By.id("text")).sendKeys("hello " + i);
                sender.findElement(By.id("send")).click();
                String count = String.valueOf(i);
                for (ChromeDriver each : players) {
                    Browsers.waitFor(each).until(b -> count.equals(each.findElement(By.id("count")).getText()));
                }
            } else {
                sender.findElement(By.id("send")).click();
            }
        }
        for (ChromeDriver each : players) {
            Browsers.waitFor(each).until(b -> each.getCurrentUrl().endsWith("/1"));
            assertEquals("Your group sent 10 messages.", each.findElement(By.id("done")).getText());
        }
    }
}
