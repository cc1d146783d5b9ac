package org.ludus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ludus.bots.LivePlayer;
import org.ludus.bots.Participants;
import org.ludus.testkit.LudusApi;
import org.ludus.testkit.LudusDeployment;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * kill -9 of a server in the middle of a bidding run, then a restart: every bid that had been acknowledged
 * is in the database, and an open page reconnects by itself and shows the state again.
 */
@ExtendWith(ArquillianExtension.class)
class CrashRecoveryIT {

    /** Arquillian's server only brings the suite's configuration up; this test runs its own second server. */
    @Deployment(testable = false)
    static WebArchive deployment() {
        return LudusDeployment.war();
    }

    @Test
    @RunAsClient
    void acknowledgedBidsSurviveAKillAndPagesResync() throws Exception {
        SecondServer server = new SecondServer("crash-server").prepare();
        server.start();
        ChromeDriver browser = null;
        try {
            URI base = server.base();
            var api = new LudusApi(base);
            var session = api.createSession("auction", 3);
            String watcher = session.participants().get(2);
            String bidderCode = session.participants().get(0);
            browser = Browsers.open();
            browser.get(base.resolve("/InitializeParticipant/" + watcher).toString());
            ChromeDriver page = browser;
            Browsers.waitFor(page).until(b -> "open".equals(page.executeScript("return ludus.state()")));

            HttpClient http = Participants.httpClient();
            var acknowledged = ConcurrentHashMap.<Long>newKeySet();
            var next = new AtomicLong();
            var enough = new CountDownLatch(150);
            var bidders = new ArrayList<Thread>();
            // one bidder, one bid at a time, each higher: so every acknowledged bid must be stored
            for (String code : List.of(bidderCode)) {
                LivePlayer player = LivePlayer.connect(http, base, code, Participants.start(http, base, code), d -> { });
                Thread bidder = new Thread(() -> bidUntilTheServerDies(player, next, acknowledged, enough));
                bidder.setDaemon(true);
                bidder.start();
                bidders.add(bidder);
            }
            assertTrue(enough.await(2, TimeUnit.MINUTES), "bids were acknowledged before the kill");
            server.kill();
            for (Thread bidder : bidders) {
                bidder.join(TimeUnit.MINUTES.toMillis(1));
            }
            Set<Long> acked = Set.copyOf(acknowledged);

            server.start();
            Set<Long> stored = new java.util.HashSet<>();
            BigDecimal highest;
            try (var db = DriverManager.getConnection(server.jdbcUrl(), System.getProperty("ludus.it.jdbcUser"),
                    System.getProperty("ludus.it.jdbcPassword"))) {
                String group = " from auction_group g join auction_player p on p.group_id = g.id join participant pa"
                        + " on pa.id = p.participant_id where pa.code = ?";
                try (var query = db.prepareStatement("select b.bid from auction_bid b where b.group_id = (select g.id"
                        + group + ")")) {
                    query.setString(1, watcher);
                    try (var rows = query.executeQuery()) {
                        while (rows.next()) {
                            stored.add(rows.getBigDecimal(1).longValueExact());
                        }
                    }
                }
                try (var query = db.prepareStatement("select g.highest_bid" + group)) {
                    query.setString(1, watcher);
                    try (var rows = query.executeQuery()) {
                        rows.next();
                        highest = rows.getBigDecimal(1);
                    }
                }
            }
            assertTrue(stored.containsAll(acked), "acknowledged but lost: "
                    + acked.stream().filter(b -> !stored.contains(b)).sorted().toList());
            // the log holds the acknowledged messages, each once, and at most the one in flight at the kill
            // (committed, its ack lost with the server); it is exactly the bids the game stored
            List<Long> logged = loggedBids(server, bidderCode);
            assertEquals(logged.size(), Set.copyOf(logged).size(), "each message logged once: " + logged);
            assertTrue(logged.containsAll(acked), "acknowledged but not logged: "
                    + acked.stream().filter(b -> !logged.contains(b)).sorted().toList());
            assertTrue(logged.size() - acked.size() <= 1, "logged but never acknowledged: "
                    + logged.stream().filter(b -> !acked.contains(b)).toList());
            assertEquals(stored, Set.copyOf(logged), "the log is exactly what changed the game");
            assertEquals(0, highest.compareTo(BigDecimal.valueOf(stored.stream().mapToLong(b -> b).max().orElse(0))));

            // the page that was open reconnects by itself and its resync shows the stored history
            List<String> expected = stored.stream().sorted().map(b -> BigDecimal.valueOf(b).toPlainString()).toList();
            Browsers.waitFor(page).until(b -> "open".equals(page.executeScript("return ludus.state()")));
            Browsers.waitFor(page).until(b -> expected.equals(AuctionBrowserIT.history(page).stream()
                    .map(row -> row.substring(row.indexOf(':') + 1)).toList()));
        } finally {
            if (browser != null) {
                browser.quit();
            }
            server.stop();
        }
    }

    /** The bids in the bidder's logged live messages, in the group's commit order. */
    private static List<Long> loggedBids(SecondServer server, String bidder) throws Exception {
        var bids = new ArrayList<Long>();
        try (var db = DriverManager.getConnection(server.jdbcUrl(), System.getProperty("ludus.it.jdbcUser"),
                System.getProperty("ludus.it.jdbcPassword"));
             var query = db.prepareStatement("select data_json from live_log where participant_code = ? order by seq")) {
            query.setString(1, bidder);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    bids.add(LudusApi.json(rows.getString(1)).getJsonNumber("bid").longValueExact());
                }
            }
        }
        return bids;
    }

    /** Bids ever higher (so every acknowledged bid must be stored) until the socket dies with the server. */
    private static void bidUntilTheServerDies(LivePlayer player, AtomicLong next, Set<Long> acknowledged,
            CountDownLatch enough) {
        try {
            while (true) {
                long bid = next.incrementAndGet();
                LivePlayer.Answer answer = player.send(Map.of("bid", bid)).get(30, TimeUnit.SECONDS);
                if (answer.ok()) {
                    acknowledged.add(bid);
                    enough.countDown();
                }
            }
        } catch (Exception serverGone) {
            // the kill: the socket closed, the pending bid got no answer
        }
    }
}
