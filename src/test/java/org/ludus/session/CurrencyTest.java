package org.ludus.session;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ludus.StrictJson;

/** An amount knows its two decimals: in arithmetic, in JSON both ways, and in what a client may send. */
class CurrencyTest {

    public record Bid(Currency bid) {
    }

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    @Test
    void anAmountHasTwoDecimalsAndRoundsHalfUp() {
        assertEquals("12.50", Currency.of("12.5").toString());
        assertEquals("2.35", Currency.of(new BigDecimal("2.345")).toString());
        assertEquals(Currency.of("7.5"), Currency.of(3).plus(Currency.of("4.50")));
        assertEquals("3.33", Currency.of(10).times(new BigDecimal("0.333")).toString());
        assertTrue(Currency.of("0.01").isGreaterThan(Currency.ZERO));
    }

    @Test
    void jsonIsAPlainNumberBothWaysAlsoInsideMaps() throws Exception {
        try (Jsonb jsonb = JsonbBuilder.create()) {
            assertEquals("{\"bid\":12.50}", jsonb.toJson(Map.of("bid", Currency.of("12.5"))));
            assertEquals("{\"bid\":7.00}", jsonb.toJson(new Bid(Currency.of(7))));
            assertEquals(Currency.of("12.5"), jsonb.fromJson("{\"bid\": 12.5}", Bid.class).bid());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"bid\": 50.001}", "{\"bid\": \"5\"}", "{\"bid\": true}", "{\"bid\": 1e17}",
            "{\"bid\": -1e20}", "{\"bid\": 1e999999}"})
    void aClientsAmountWithMoreThanCentsOrNotANumberIsRefused(String text) {
        var mismatch = assertThrows(StrictJson.Mismatch.class, () -> StrictJson.check(json(text), Bid.class));
        assertEquals("bid", mismatch.path());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"bid\": 50.10}", "{\"bid\": 50.100}", "{\"bid\": 5}", "{\"bid\": -3.5}",
            "{\"bid\": 99999999999999999.99}"})
    void anAmountWithinCentsPasses(String text) {
        assertDoesNotThrow(() -> StrictJson.check(json(text), Bid.class));
    }
}
