package org.ludus.export;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * How a value is written in a cell, as oTree writes it: null is empty, booleans 1/0, numbers plain (no
 * exponent), everything else as text. One place, so every export file agrees.
 */
public final class Cells {

    /** ISO 8601 in UTC, to the millisecond: what pandas, R and spreadsheets parse without being told. */
    /**
     * {@link JsonText}'s provider, looked up once: with {@code Json.createValue}, which looks it up on every call,
     * a JSON Lines export of the live log wrote about 2,300 rows/s in WildFly, against 51,500 with it
     * (docs/benchmarks/2026-12-02-postgresql-export-jobs.json).
     */
    private static final jakarta.json.spi.JsonProvider JSON = org.ludus.JsonText.provider();

    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** A text cell a spreadsheet would run as a formula (OWASP's list: = + - @, tab, carriage return). */
    private static final Pattern FORMULA_START = Pattern.compile("^[=+\\-@\\t\\r]");
    private static final Pattern PLAIN_NUMBER = Pattern.compile("^[+-]?\\d+(\\.\\d+)?$");

    private Cells() {
    }

    public static String text(Object value) {
        if (value == null || value == JsonValue.NULL) {
            return "";
        }
        if (value instanceof Boolean b) {
            return b ? "1" : "0";
        }
        if (value == JsonValue.TRUE) {
            return "1";
        }
        if (value == JsonValue.FALSE) {
            return "0";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d).toPlainString() : String.valueOf(d);
        }
        if (value instanceof JsonNumber number) {
            return number.bigDecimalValue().toPlainString();
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        if (value instanceof Instant instant) {
            return TIMESTAMP.format(instant);
        }
        if (value instanceof Timestamp timestamp) {
            return TIMESTAMP.format(timestamp.toInstant());
        }
        if (value instanceof OffsetDateTime dateTime) {
            return TIMESTAMP.format(dateTime.toInstant());
        }
        if (value instanceof LocalDateTime dateTime) { // a timestamp without zone is stored as UTC
            return TIMESTAMP.format(dateTime.toInstant(ZoneOffset.UTC));
        }
        return value.toString(); // numbers, text, and JSON objects and arrays as their JSON text
    }

    /**
     * A value as JSON Lines write it, typed: null, true/false, numbers as numbers (a double that is not finite
     * as its text), JSON values as they are, times as {@link #text} writes them, anything else as a string.
     */
    public static JsonValue json(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof JsonValue json) {
            return json;
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof BigDecimal decimal) {
            return JSON.createValue(decimal);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return JSON.createValue(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? JSON.createValue(BigDecimal.valueOf(d))
                    : JSON.createValue(String.valueOf(d));
        }
        if (value instanceof Number number) {
            return JSON.createValue(new BigDecimal(number.toString()));
        }
        return JSON.createValue(text(value));
    }

    /**
     * The Excel variant of a cell: text that a spreadsheet would run as a formula gets a leading apostrophe,
     * which shows as text and runs nothing. Plain numbers (-5, +3.2) are left as they are.
     */
    public static String forExcel(String cell) {
        return FORMULA_START.matcher(cell).find() && !PLAIN_NUMBER.matcher(cell).matches() ? "'" + cell : cell;
    }
}
