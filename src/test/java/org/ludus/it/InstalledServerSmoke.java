package org.ludus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.ludus.testkit.LiveClient;
import org.ludus.testkit.LudusApi;

/**
 * The smoke test of a Ludus that someone installed into a server of their own (README "Deploy to your own
 * WildFly", {@code .ci/stock-wildfly}; README "Deploy to GlassFish 7", {@code .ci/glassfish}: both run it after
 * those steps). It tests a running server, without Arquillian:
 *
 * <pre>
 * mvn -o test -Dtest=InstalledServerSmoke -Dludus.smoke.url=http://127.0.0.1:8380/ \
 *     -Dludus.smoke.managementUrl=http://127.0.0.1:10290/ -Dludus.smoke.restKey=…
 * </pre>
 *
 * On GlassFish, which has no MicroProfile Health, without {@code theServerIsReady} (and its management URL).
 *
 * Its name matches neither surefire's nor failsafe's patterns, so {@code mvn verify} leaves it out; run by name,
 * it fails if a property is missing. A further check of the installed server is one more test method here.
 */
class InstalledServerSmoke {

    private static final BigDecimal BID = new BigDecimal("37.25");

    private final URI base = required("ludus.smoke.url", "the server, e.g. http://127.0.0.1:8380/");
    private final String restKey = System.getProperty("ludus.smoke.restKey", "");

    /** Readiness on the management port: WildFly's probes and Ludus's checks (wildfly-config/health.cli), all UP. */
    @Test
    void theServerIsReady() throws Exception {
        URI management = required("ludus.smoke.managementUrl", "its management interface, e.g. http://127.0.0.1:10290/");
        HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                management.resolve("/health/ready")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ready.statusCode(), "/health/ready: " + ready.body());
        JsonObject health = LudusApi.json(ready.body());
        assertEquals("UP", health.getString("status"), "/health/ready: " + ready.body());
        for (String name : List.of("ludus-database", "ludus-live", "deployments-status")) {
            JsonObject check = health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                    .filter(c -> name.equals(c.getString("name", null))).findFirst()
                    .orElseThrow(() -> new AssertionError("no check " + name + " in /health/ready: " + ready.body()));
            assertEquals("UP", check.getString("status"), name + ": " + check);
        }
    }

    /** Prometheus metrics at the WAR's /metrics, which this machine may read without a key (README "Operations"). */
    @Test
    void theMetricsAreServedToThisMachine() throws Exception {
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                base.resolve("/metrics")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, metrics.statusCode(), "/metrics: " + metrics.body());
        for (String name : List.of("ludus_live_messages_total", "ludus_live_latency_seconds_bucket",
                "ludus_live_connections", "ludus_exports_running")) {
            assertTrue(metrics.body().contains("\n" + name + "{"), name + " in /metrics:\n" + metrics.body());
        }
    }

    /** A session over REST, one auction bid through a real socket, and the bid read back from the export. */
    @Test
    void aBidThroughTheSocketIsReadBackFromTheExport() {
        if (restKey.isBlank()) {
            throw new AssertionError("-Dludus.smoke.restKey is not set: the server's LUDUS_REST_KEY");
        }
        LudusApi api = LudusApi.withRestKey(base, restKey);
        LudusApi.CreatedSession session = api.createSession("auction", 3);
        String bidder = session.participants().get(1);
        try (LiveClient client = LiveClient.connect(api.base(), bidder, api.start(bidder))) {
            JsonObject reply = client.reply(Map.of("bid", BID)).asJsonObject();
            assertEquals(BID, reply.getJsonNumber("bid").bigDecimalValue().stripTrailingZeros(),
                    "the broadcast: " + reply);
            assertEquals(2, reply.getInt("id_in_group"), "the broadcast: " + reply);
        }

        HttpResponse<String> export = api.get("/api/exports/custom/auction?session=" + session.code());
        assertEquals(200, export.statusCode(), "the auction's export: " + export.body());
        List<CSVRecord> rows = csv(export.body());
        assertEquals(1, rows.size(), "one bid in the session's export: " + export.body());
        assertEquals(bidder, rows.get(0).get("participant_code"), export.body());
        assertEquals(BID, new BigDecimal(rows.get(0).get("bid")).stripTrailingZeros(),
                "the bid read back: " + export.body());
    }

    private static List<CSVRecord> csv(String text) {
        try {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(text)).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URI required(String property, String what) {
        String value = System.getProperty(property, "");
        if (value.isBlank()) {
            throw new AssertionError("-D" + property + " is not set: " + what);
        }
        return URI.create(value);
    }
}
