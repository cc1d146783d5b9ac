package org.ludus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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
 * The smoke test of a Ludus that someone installed into a WildFly of their own (README "Deploy to your own
 * WildFly"; {@code .ci/stock-wildfly} runs it after those steps). It tests a running server, without Arquillian:
 *
 * <pre>
 * mvn -o test -Dtest=StockWildFlySmoke -Dludus.smoke.url=http://127.0.0.1:8380/ \
 *     -Dludus.smoke.managementUrl=http://127.0.0.1:10290/ -Dludus.smoke.restKey=…
 * </pre>
 *
 * Its name matches neither surefire's nor failsafe's patterns, so {@code mvn verify} leaves it out; run by name,
 * it fails if a property is missing. A further check of the installed server is one more test method here.
 */
class StockWildFlySmoke {

    private static final BigDecimal BID = new BigDecimal("37.25");

    private final URI base = required("ludus.smoke.url", "the server, e.g. http://127.0.0.1:8380/");
    private final URI management = required("ludus.smoke.managementUrl",
            "its management interface, e.g. http://127.0.0.1:10290/");
    private final String restKey = System.getProperty("ludus.smoke.restKey", "");

    /** WildFly's own readiness (server state, boot errors, deployments, suspend state), on the management port. */
    @Test
    void theServerIsReady() throws Exception {
        HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                management.resolve("/health/ready")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ready.statusCode(), "/health/ready: " + ready.body());
        JsonValue health = LudusApi.jsonValue(ready.body());
        if (health instanceof JsonArray checks) {
            // a stock WildFly's health subsystem: [{"name", "outcome", "data"}, …, {"outcome"}], the last for all
            for (JsonObject check : checks.getValuesAs(JsonObject.class)) {
                assertTrue(check.getBoolean("outcome"), "/health/ready: " + ready.body());
            }
            JsonObject deployments = checks.getValuesAs(JsonObject.class).stream()
                    .filter(check -> "deployments-status".equals(check.getString("name", null))).findFirst()
                    .orElseThrow(() -> new AssertionError("no deployments-status in /health/ready: " + ready.body()));
            assertEquals("OK", deployments.getJsonArray("data").getJsonObject(0).getString("ludus.war", null),
                    "ludus.war in /health/ready: " + ready.body());
        } else {
            // MicroProfile Health's form, once its subsystem is configured: {"status": "UP", "checks": […]}
            assertEquals("UP", health.asJsonObject().getString("status"), "/health/ready: " + ready.body());
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
