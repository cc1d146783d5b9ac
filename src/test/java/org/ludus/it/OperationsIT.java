package org.ludus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.ludus.testkit.LiveClient;
import org.ludus.testkit.LudusApi;
import org.ludus.testkit.LudusIT;

/**
 * What an operator's monitoring reads (README "Operations"): WildFly's health endpoints with Ludus's checks on
 * the management port, and Ludus's Prometheus metrics at /metrics, scraped while real sockets play.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationsIT extends LudusIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String METRICS_KEY = System.getProperty("ludus.it.metricsKey");

    private static URI management(String path) {
        return URI.create("http://127.0.0.1:" + System.getProperty("ludus.it.managementPort") + path);
    }

    private static HttpResponse<String> get(URI uri, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private String scrape() throws Exception {
        HttpResponse<String> response = get(base.toURI().resolve("/metrics"), "Authorization", "Bearer " + METRICS_KEY);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        return response.body();
    }

    /** The sum of the samples of {@code name} whose labels include every pair given (name="value"). */
    static double sample(String exposition, String name, String... labels) {
        Pattern line = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*\\})? (\\S+)$", Pattern.MULTILINE);
        Matcher m = line.matcher(exposition);
        double sum = 0;
        boolean found = false;
        while (m.find()) {
            String labelText = m.group(1) == null ? "" : m.group(1);
            boolean all = true;
            for (String label : labels) {
                all &= labelText.contains(label);
            }
            if (all) {
                sum += Double.parseDouble(m.group(2));
                found = true;
            }
        }
        if (!found) {
            throw new AssertionError("no sample " + name + " " + List.of(labels) + " in:\n" + exposition);
        }
        return sum;
    }

    static JsonObject check(JsonObject health, String name) {
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> name.equals(c.getString("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + health));
    }

    static JsonObject health(String path) throws Exception {
        HttpResponse<String> response = get(management(path));
        return LudusApi.json(response.body());
    }

    /** Polls {@code path} (every 50 ms, at most 30 s) until its check {@code name} has {@code status}. */
    static JsonObject awaitCheck(String path, String name, String status) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonObject last = null;
        while (System.nanoTime() < until) {
            last = health(path);
            if (status.equals(check(last, name).getString("status"))) {
                return last;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000); // a poll: health has no events to wait on
        }
        throw new AssertionError(name + " never " + status + "; last: " + last);
    }

    @Test
    @Order(1) // first, on a deployment no socket has used yet: the probes alone must work (they run outside the WAR)
    void healthOnTheManagementPortHasLudusChecks() throws Exception {
        JsonObject ready = health("/health/ready");
        assertEquals("UP", ready.getString("status"), ready.toString());
        JsonObject database = check(ready, "ludus-database");
        assertEquals("UP", database.getString("status"));
        assertTrue(database.getJsonObject("data").containsKey("response_ms"));
        JsonObject live = check(ready, "ludus-live");
        assertEquals("UP", live.getString("status"));
        assertEquals(0, live.getJsonObject("data").getJsonNumber("queued").intValue());

        JsonObject alive = health("/health/live");
        assertEquals("UP", alive.getString("status"), alive.toString());
        assertEquals("UP", check(alive, "ludus-live-threads").getString("status"));
    }

    @Test
    void readinessGoesDownWhileLiveWorkFallsBehindAndUpWhenItCatchesUp() throws Exception {
        LudusApi api = newApi();
        var session = api.createSession("probe", 3);
        String code = session.participants().get(0);
        try (LiveClient client = LiveClient.connect(api.base(), code, api.start(code))) {
            client.assertNothingBeforeState();
            // six moves of 500 ms each from one page: the last waits 2.5 s in the socket's lane, past the test
            // server's LUDUS_HEALTH_MAX_WAIT_SECONDS of 1
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                ids.add(client.send(Map.of("action", "slow", "millis", 500)));
            }
            JsonObject behind = awaitCheck("/health/ready", "ludus-live", "DOWN");
            assertEquals("DOWN", behind.getString("status"));
            JsonObject data = check(behind, "ludus-live").getJsonObject("data");
            assertTrue(data.getJsonNumber("queued").intValue() >= 1, data.toString());
            assertTrue(data.getJsonNumber("oldest_wait_ms").longValue() >= 1000, data.toString());
            assertEquals("UP", check(behind, "ludus-database").getString("status"));
            for (long id : ids) {
                var answer = client.untilAnswer(id);
                assertEquals("ack", answer.get(answer.size() - 1).getString("type"));
            }
            JsonObject caughtUp = awaitCheck("/health/ready", "ludus-live", "UP");
            assertEquals("UP", caughtUp.getString("status"));
        }
    }

    @Test
    void metricsCountLiveMessagesTheirAnswersAndLatencyAndOpenSockets() throws Exception {
        LudusApi api = newApi();
        var session = api.createSession("auction", 3);
        String before = scrape();
        double messages = sample(before, "ludus_live_messages_total");
        double badData = before.contains("code=\"bad_data\"") ? sample(before, "ludus_live_replies_total",
                "code=\"bad_data\"") : 0;
        double acks = sample(before, "ludus_live_replies_total", "code=\"ack\"");
        double latencyCount = sample(before, "ludus_live_latency_seconds_count");
        double sockets = sample(before, "ludus_live_connections");
        List<LiveClient> clients = new ArrayList<>();
        try {
            for (String code : session.participants()) {
                clients.add(LiveClient.connect(api.base(), code, api.start(code)));
            }
            LiveClient bidder = clients.get(0);
            bidder.assertNothingBeforeState();
            for (int bid = 1; bid <= 5; bid++) {
                bidder.reply(Map.of("bid", bid));
            }
            long refused = bidder.sendData("\"not a number\"");
            var answer = bidder.untilAnswer(refused);
            assertEquals("bad_data", answer.get(answer.size() - 1).getString("code"));

            String after = scrape();
            assertEquals(messages + 6, sample(after, "ludus_live_messages_total"));
            assertEquals(acks + 5, sample(after, "ludus_live_replies_total", "code=\"ack\""));
            assertEquals(badData + 1, sample(after, "ludus_live_replies_total", "code=\"bad_data\""));
            assertEquals(latencyCount + 6, sample(after, "ludus_live_latency_seconds_count"));
            // a histogram: the 10 s bucket holds every answer, the buckets only grow with le
            assertEquals(sample(after, "ludus_live_latency_seconds_count"),
                    sample(after, "ludus_live_latency_seconds_bucket", "le=\"10.0\""));
            assertTrue(sample(after, "ludus_live_latency_seconds_bucket", "le=\"0.001\"")
                    <= sample(after, "ludus_live_latency_seconds_bucket", "le=\"0.1\""));
            assertEquals(sockets + 3, sample(after, "ludus_live_connections"));
            assertTrue(sample(after, "ludus_live_messages_per_second") >= 0);
            assertEquals(0, sample(after, "ludus_live_queued"));
            assertEquals(0, sample(after, "ludus_exports_running"));
            // every series names its node
            assertTrue(after.contains("ludus_live_connections{node=\""), after);
        } finally {
            clients.forEach(LiveClient::close);
        }
        // closed sockets are counted out (the server sees the close a moment later)
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        double open;
        do {
            open = sample(scrape(), "ludus_live_connections");
        } while (open != sockets && System.nanoTime() < until);
        assertEquals(sockets, open);
    }

    @Test
    void metricsNeedTheKey() throws Exception {
        URI metrics = base.toURI().resolve("/metrics");
        HttpResponse<String> none = get(metrics);
        assertEquals(401, none.statusCode());
        assertTrue(none.body().contains("LUDUS_METRICS_KEY"), none.body());
        assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertEquals(401, get(metrics, "Authorization", "Bearer wrong-key").statusCode());
        assertEquals(401, get(metrics, "Authorization", "Basic " + METRICS_KEY).statusCode());
        assertEquals(200, get(metrics, "Authorization", "Bearer " + METRICS_KEY).statusCode());
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(metrics).POST(HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Bearer " + METRICS_KEY).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
        assertTrue(!post.body().contains("Exception"), post.body());
    }
}
