package org.ludus.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CellsTest {

    @Test
    void valuesAreWrittenAsOTreeWritesThem() {
        assertEquals("", Cells.text(null));
        assertEquals("", Cells.text(JsonValue.NULL));
        assertEquals("1", Cells.text(true));
        assertEquals("0", Cells.text(Boolean.FALSE));
        assertEquals("1", Cells.text(JsonValue.TRUE));
        assertEquals("1000", Cells.text(new BigDecimal("1E+3")), "no exponent");
        assertEquals("50.00", Cells.text(new BigDecimal("50.00")), "currency as stored, a plain number");
        assertEquals("0.1", Cells.text(0.1d));
        assertEquals("10000000000", Cells.text(1e10d));
        assertEquals("42", Cells.text(42L));
        assertEquals("12.5", Cells.text(Json.createValue(new BigDecimal("12.5"))));
        assertEquals("hello", Cells.text(Json.createValue("hello")), "a JSON string is its text, unquoted");
        assertEquals("{\"a\":[1,2]}", Cells.text(Json.createReader(new StringReader("{\"a\":[1,2]}")).readValue()));
    }

    @Test
    void timesAreIso8601InUtcToTheMillisecond() {
        Instant at = Instant.parse("2026-12-01T14:03:27.512345Z");
        assertEquals("2026-12-01T14:03:27.512Z", Cells.text(at));
        assertEquals("2026-12-01T14:03:27.512Z", Cells.text(Timestamp.from(at)));
        assertEquals("2026-12-01T14:03:27.512Z", Cells.text(OffsetDateTime.ofInstant(at, ZoneOffset.ofHours(2))));
        assertEquals("2026-12-01T14:03:27.000Z", Cells.text(Instant.parse("2026-12-01T14:03:27Z")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "=SUM(A1:A2)|'=SUM(A1:A2)", "+cmd|'+cmd", "-2+3|'-2+3", "@SUM(1)|'@SUM(1)", "-5|-5", "+3.25|+3.25",
        "12|12", "plain text|plain text", "a=b|a=b"})
    void theExcelVariantDefusesFormulasButNotNumbers(String cell, String forExcel) {
        assertEquals(forExcel, Cells.forExcel(cell));
    }

    @Test
    void tabsAndCarriageReturnsAtTheStartAreDefusedToo() {
        assertEquals("'\tx", Cells.forExcel("\tx"));
        assertEquals("'\rx", Cells.forExcel("\rx"));
        assertEquals("", Cells.forExcel(""));
    }
}
