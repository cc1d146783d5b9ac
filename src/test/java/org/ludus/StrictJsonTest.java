package org.ludus;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What JSON-B would convert lossily is refused before binding, with the member's path in the message. */
class StrictJsonTest {

    record Move(Integer square) {
    }

    record Bid(BigDecimal bid) {
    }

    record Order(long quantity, List<Move> moves, Map<String, Integer> counts) {
    }

    record Created(int numParticipants) {
    }

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"square\": 4294967300}", "{\"square\": 1.9}", "{\"square\": \"2\"}",
            "{\"square\": true}", "{\"square\": [2]}", "{\"square\": 1e999999}"})
    void anIntegerTakesOnlyAnIntegralNumberInRange(String text) {
        var mismatch = assertThrows(StrictJson.Mismatch.class, () -> StrictJson.check(json(text), Move.class));
        assertEquals("square", mismatch.path());
    }

    @Test
    void fittingValuesPass() {
        assertDoesNotThrow(() -> StrictJson.check(json("{\"square\": 4}"), Move.class));
        assertDoesNotThrow(() -> StrictJson.check(json("{\"square\": 4.0}"), Move.class));
        assertDoesNotThrow(() -> StrictJson.check(json("{\"square\": null}"), Move.class));
        assertDoesNotThrow(() -> StrictJson.check(json("{\"bid\": 50.25, \"other\": \"ignored\"}"), Bid.class));
        assertDoesNotThrow(() -> StrictJson.check(json(
                "{\"quantity\": 3, \"moves\": [{\"square\": 1}], \"counts\": {\"a\": 2}}"), Order.class));
    }

    @Test
    void nestedMembersAreNamedByTheirPath() {
        var inList = assertThrows(StrictJson.Mismatch.class, () -> StrictJson.check(json(
                "{\"quantity\": 3, \"moves\": [{\"square\": 1}, {\"square\": \"x\"}], \"counts\": {}}"), Order.class));
        assertEquals("moves[1].square", inList.path());
        var inMap = assertThrows(StrictJson.Mismatch.class, () -> StrictJson.check(json(
                "{\"quantity\": 3, \"moves\": [], \"counts\": {\"a\": 2.5}}"), Order.class));
        assertEquals("counts.a", inMap.path());
        var primitive = assertThrows(StrictJson.Mismatch.class, () -> StrictJson.check(json(
                "{\"moves\": [], \"counts\": {}}"), Order.class));
        assertEquals("quantity", primitive.path());
    }

    @Test
    void aNumberWithAnAbsurdExponentIsRefused() {
        assertThrows(StrictJson.Mismatch.class, () -> StrictJson.check(json("{\"bid\": 1e999999}"), Bid.class));
        assertThrows(StrictJson.Mismatch.class, () -> StrictJson.check(json("{\"bid\": 1e-999999}"), Bid.class));
    }

    @Test
    void snakeCaseNamesForTheRestApi() {
        var mismatch = assertThrows(StrictJson.Mismatch.class, () -> StrictJson.checkSnakeCase(json(
                "{\"num_participants\": 4294967299}"), Created.class));
        assertEquals("num_participants", mismatch.path());
        assertThrows(StrictJson.Mismatch.class, () -> StrictJson.checkSnakeCase(json("{\"num_participants\": 3.5}"),
                Created.class));
        assertThrows(StrictJson.Mismatch.class, () -> StrictJson.checkSnakeCase(json("[1]"), Created.class));
    }
}
