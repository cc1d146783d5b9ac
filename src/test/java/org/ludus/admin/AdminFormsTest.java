package org.ludus.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ludus.session.SessionCreationException;

class AdminFormsTest {

    @Test
    void configFieldLinesBecomeTypedValues() {
        assertEquals(Map.of("participation_fee", new BigDecimal("2.50"), "treatment", "high", "shuffle", true),
                AdminServlet.modifications("participation_fee = 2.50\n\ntreatment=high\r\nshuffle = true\n"));
        assertEquals(Map.of(), AdminServlet.modifications(""));
        assertThrows(SessionCreationException.class, () -> AdminServlet.modifications("no equals sign"));
    }

    @Test
    void theChartTakesTheFirstNumberOfAMessage() {
        assertEquals(42.5, LiveActivity.firstNumber("{\"bid\":42.5,\"other\":1}"));
        assertEquals(3.0, LiveActivity.firstNumber("{\"square\":\"3\"}"));
        assertEquals(7.0, LiveActivity.firstNumber("7"));
        assertNull(LiveActivity.firstNumber("{}"));
        assertNull(LiveActivity.firstNumber("{\"type\":\"propose\"}"));
        assertNull(LiveActivity.firstNumber("not json"));
        assertTrue(LiveActivity.isEmpty("{ }") && LiveActivity.isEmpty("null"));
        assertFalse(LiveActivity.isEmpty("{\"bid\":1}"));
    }
}
