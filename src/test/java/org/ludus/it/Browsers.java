package org.ludus.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Debian chromium driven through Debian's chromedriver (given explicitly: nothing is downloaded). */
public final class Browsers {

    private Browsers() {
    }

    public static ChromeDriver open() {
        return open(new String[0]);
    }

    /** With more of chromium's switches, e.g. one that trusts a test's own certificate. */
    public static ChromeDriver open(String... extraArguments) {
        try {
            var options = new ChromeOptions()
                    .setBinary(System.getProperty("ludus.it.chromium", "/usr/bin/chromium"))
                    .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                            "--disable-quic", "--no-first-run", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--window-size=1200,900",
                            "--user-data-dir=" + Files.createTempDirectory("ludus-chromium"))
                    .addArguments(extraArguments);
            // the console, so that quit() can tell whether the Content-Security-Policy blocked anything
            options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
            var service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(System.getProperty("ludus.it.chromedriver", "/usr/bin/chromedriver")))
                    .usingAnyFreePort()
                    .build();
            return new ChromeDriver(service, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Closes the browser, failing if its console shows that the server's Content-Security-Policy refused
     * anything on the pages it showed (a script, a style, a connection): the pages must work under it.
     */
    public static void quitCheckingPolicy(ChromeDriver browser) {
        try {
            List<String> refused = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .map(LogEntry::getMessage)
                    .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
                    .toList();
            if (!refused.isEmpty()) {
                throw new AssertionError("the Content-Security-Policy refused: " + refused);
            }
        } finally {
            browser.quit();
        }
    }

    /** {@link #quitCheckingPolicy} for each: every browser is closed before the first refusal fails the test. */
    public static void quitAllCheckingPolicy(List<ChromeDriver> browsers) {
        AssertionError first = null;
        for (ChromeDriver browser : browsers) {
            try {
                quitCheckingPolicy(browser);
            } catch (AssertionError e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    public static WebDriverWait waitFor(ChromeDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }
}
