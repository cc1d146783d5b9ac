package org.ludus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ludus.testkit.Database;
import org.ludus.testkit.LiveClient;
import org.ludus.testkit.LudusApi;
import org.ludus.testkit.LudusDeployment;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The page client after a drop: the server goes away (the WAR is undeployed, closing every socket) and comes
 * back; the page reconnects by itself, sends what was typed meanwhile, and resyncs what it missed.
 */
@ExtendWith(ArquillianExtension.class)
class ReconnectBrowserIT {

    private static final String DEPLOYMENT = "ludus-reconnect";

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    static WebArchive deployment() {
        return LudusDeployment.war();
    }

    @ArquillianResource
    Deployer deployer;

    /** Chromium's own network emulation: while offline, the page cannot reach the server at all. */
    private static void offline(ChromeDriver browser, boolean offline) {
        browser.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    @Test
    void aDroppedPageReconnectsSendsWhatWasQueuedAndResyncs() throws Exception {
        deployer.deploy(DEPLOYMENT);
        URI base = LudusDeployment.baseUri();
        var api = new LudusApi(base);
        var session = api.createSession("auction", 3);
        String player1 = session.participants().get(0);
        String player2 = session.participants().get(1);
        ChromeDriver browser = Browsers.open();
        try {
            browser.get(base.resolve("/InitializeParticipant/" + player1).toString());
            Browsers.waitFor(browser).until(b -> "open".equals(browser.executeScript("return ludus.state()")));
            AuctionBrowserIT.bid(browser, "10");
            AuctionBrowserIT.awaitHistory(browser, List.of("1:10"));

            // keep the page from reconnecting until we say so, then take the server away and back
            browser.executeCdpCommand("Network.enable", Map.of());
            offline(browser, true);
            deployer.undeploy(DEPLOYMENT);
            Browsers.waitFor(browser).until(b -> !"open".equals(browser.executeScript("return ludus.state()")));
            AuctionBrowserIT.bid(browser, "60"); // typed while offline: queued in the page
            deployer.deploy(DEPLOYMENT);

            int page2 = api.start(player2); // this test's HTTP client is not the browser: it is online
            try (LiveClient other = LiveClient.connect(base, player2, page2)) {
                other.untilAnswer(other.send(Map.of("bid", 20))); // the offline page misses this broadcast
            }
            assertNotEquals("open", browser.executeScript("return ludus.state()"));
            assertEquals(List.of("1:10"), AuctionBrowserIT.history(browser));

            offline(browser, false);
            // reconnected: the resync brings 2:20, the queued bid 60 is sent and broadcast back
            AuctionBrowserIT.awaitHistory(browser, List.of("1:10", "2:20", "1:60"));
            assertEquals("60", Database.single("select cast(g.highest_bid as int) from auction_group g"
                    + " join auction_player p on p.group_id = g.id join participant pa on pa.id = p.participant_id"
                    + " where pa.code = ?", player1).toString());
            // the page's two bids (liveSend(10), as the seed bids), each once: the resync asked for the state, it
            // repeated no message
            assertEquals(List.of("10", "60"), Database.column("select cast(data_json as varchar(100)) from live_log"
                    + " where participant_code = ? order by seq", player1).stream().map(String::valueOf).toList());
        } finally {
            browser.quit();
            deployer.undeploy(DEPLOYMENT);
        }
    }
}
