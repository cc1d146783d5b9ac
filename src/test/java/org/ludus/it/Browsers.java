package org.ludus.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Debian chromium driven through Debian's chromedriver (given explicitly: nothing is downloaded). */
public final class Browsers {

    private Browsers() {
    }

    public static ChromeDriver open() {
        try {
            var options = new ChromeOptions()
                    .setBinary(System.getProperty("ludus.it.chromium", "/usr/bin/chromium"))
                    .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                            "--disable-quic", "--no-first-run", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--window-size=1200,900",
                            "--user-data-dir=" + Files.createTempDirectory("ludus-chromium"));
            var service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(System.getProperty("ludus.it.chromedriver", "/usr/bin/chromedriver")))
                    .usingAnyFreePort()
                    .build();
            return new ChromeDriver(service, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static WebDriverWait waitFor(ChromeDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }
}
