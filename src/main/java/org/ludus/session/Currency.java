package org.ludus.session;

import jakarta.json.bind.adapter.JsonbAdapter;
import jakarta.json.bind.annotation.JsonbTypeAdapter;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of points or money, oTree's {@code cu}: always two decimals, so a field of this type is a typed
 * column ({@code numeric(38,2)}) without precision or scale written out, and arithmetic rounds as the column
 * would (half up). A client's number becomes one only if it has at most two decimals and fewer than 18 digits
 * before the point ({@link org.ludus.StrictJson}): 50.001 is refused, not stored as 50.00. In JSON and in
 * exports it is a plain number (12.50); in templates it prints as 12.50.
 */
@JsonbTypeAdapter(Currency.Json.class)
public final class Currency extends Number implements Comparable<Currency> {

    public static final int SCALE = 2;
    /** Digits before the point a client's amount may have (the column holds 36). */
    public static final int MAX_INTEGER_DIGITS = 17;
    public static final Currency ZERO = new Currency(BigDecimal.ZERO);

    private final BigDecimal value;

    private Currency(BigDecimal value) {
        this.value = value.setScale(SCALE, RoundingMode.HALF_UP);
    }

    /** The amount, rounded half up to cents: {@code Currency.of(new BigDecimal("2.345"))} is 2.35. */
    public static Currency of(BigDecimal value) {
        return new Currency(value);
    }

    public static Currency of(long value) {
        return new Currency(BigDecimal.valueOf(value));
    }

    /** {@code Currency.of("12.5")}; a number in text, rounded half up to cents. */
    public static Currency of(String value) {
        return new Currency(new BigDecimal(value));
    }

    public BigDecimal toBigDecimal() {
        return value;
    }

    public Currency plus(Currency other) {
        return new Currency(value.add(other.value));
    }

    public Currency minus(Currency other) {
        return new Currency(value.subtract(other.value));
    }

    public Currency times(long factor) {
        return new Currency(value.multiply(BigDecimal.valueOf(factor)));
    }

    public Currency times(BigDecimal factor) {
        return new Currency(value.multiply(factor));
    }

    public boolean isGreaterThan(Currency other) {
        return compareTo(other) > 0;
    }

    public boolean isLessThan(Currency other) {
        return compareTo(other) < 0;
    }

    public static Currency max(Currency a, Currency b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public static Currency min(Currency a, Currency b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public int compareTo(Currency other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Currency c && value.equals(c.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }

    @Override
    public int intValue() {
        return value.intValue();
    }

    @Override
    public long longValue() {
        return value.longValue();
    }

    @Override
    public float floatValue() {
        return value.floatValue();
    }

    @Override
    public double doubleValue() {
        return value.doubleValue();
    }

    /** The column: a decimal of Hibernate's default precision and two decimals; applied to every Currency field. */
    @Converter(autoApply = true)
    public static class Column implements AttributeConverter<Currency, BigDecimal> {
        @Override
        public BigDecimal convertToDatabaseColumn(Currency amount) {
            return amount == null ? null : amount.value;
        }

        @Override
        public Currency convertToEntityAttribute(BigDecimal column) {
            return column == null ? null : new Currency(column);
        }
    }

    /** JSON: a plain number. What a client may send is checked before binding (StrictJson). */
    public static class Json implements JsonbAdapter<Currency, BigDecimal> {
        @Override
        public BigDecimal adaptToJson(Currency amount) {
            return amount.value;
        }

        @Override
        public Currency adaptFromJson(BigDecimal number) {
            return new Currency(number);
        }
    }
}
