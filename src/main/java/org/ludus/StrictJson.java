package org.ludus;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import org.ludus.session.Currency;

/**
 * Checks a JSON value against the Java type it is about to be bound to, so that binding never converts
 * lossily: JSON-B (Yasson) would turn 4294967300 into the int 4, 1.9 into 1, and "2" into 2. Here an integer
 * type takes only an integral number in its range, a number type only a number (finite, without an absurd
 * exponent), a string only a string, a boolean only true or false; records, classes, lists, arrays and maps
 * are checked member by member. Fields the type does not have are left alone (JSON-B ignores them).
 * Limits on values (a currency's decimals, a square from 0 to 8) are Bean Validation's, checked after binding.
 */
public final class StrictJson {

    /** The largest power of ten a decimal may have (1e999999 would cost seconds to print). */
    static final int MAX_EXPONENT = 1000;

    /** Why a value does not fit: {@code path} names the member, e.g. "bid" or "offers[2].price". */
    public static final class Mismatch extends Exception {
        private final String path;

        Mismatch(String path, String message) {
            super((path.isEmpty() ? "" : path + ": ") + message, null, false, false);
            this.path = path;
        }

        public String path() {
            return path;
        }
    }

    private StrictJson() {
    }

    /** Checks with JSON-B's default naming: JSON names are the Java names (or @JsonbProperty's). */
    public static void check(JsonValue value, Type type) throws Mismatch {
        check(value, type, "", false);
    }

    /** As {@link #check(JsonValue, Type)}, with snake_case JSON names (the REST API's). */
    public static void checkSnakeCase(JsonValue value, Type type) throws Mismatch {
        check(value, type, "", true);
    }

    private static void check(JsonValue value, Type type, String path, boolean snakeCase) throws Mismatch {
        Class<?> raw = raw(type);
        if (raw == Object.class || JsonValue.class.isAssignableFrom(raw)) {
            if (value != null && JsonValue.class.isAssignableFrom(raw) && raw != JsonValue.class
                    && !raw.isInstance(value)) {
                throw new Mismatch(path, "expected " + kind(raw) + ", got " + describe(value));
            }
            return;
        }
        if (value == null || value == JsonValue.NULL) {
            if (raw.isPrimitive()) {
                throw new Mismatch(path, "expected " + kind(raw) + ", got null");
            }
            return;
        }
        if (raw == String.class) {
            expect(value instanceof JsonString, path, "a string", value);
        } else if (raw == boolean.class || raw == Boolean.class) {
            expect(value == JsonValue.TRUE || value == JsonValue.FALSE, path, "true or false", value);
        } else if (raw == char.class || raw == Character.class) {
            expect(value instanceof JsonString s && s.getString().length() == 1, path, "a single character", value);
        } else if (integerRange(raw) != null) {
            BigInteger[] range = integerRange(raw);
            expect(value instanceof JsonNumber, path, "an integer", value);
            BigDecimal number = decimal((JsonNumber) value, path);
            BigInteger integral;
            try {
                integral = number.toBigIntegerExact();
            } catch (ArithmeticException notIntegral) {
                throw new Mismatch(path, "expected an integer, got " + number.toPlainString());
            }
            if (range.length == 2 && (integral.compareTo(range[0]) < 0 || integral.compareTo(range[1]) > 0)) {
                throw new Mismatch(path, "expected an integer from " + range[0] + " to " + range[1] + ", got " + integral);
            }
        } else if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class) {
            expect(value instanceof JsonNumber, path, "a number", value);
            double d = decimal((JsonNumber) value, path).doubleValue();
            float f = (float) d;
            if (Double.isInfinite(d) || (raw == float.class || raw == Float.class) && Float.isInfinite(f)) {
                throw new Mismatch(path, "the number is out of range");
            }
        } else if (raw == Currency.class) {
            expect(value instanceof JsonNumber, path, "an amount", value);
            BigDecimal amount = decimal((JsonNumber) value, path);
            if (amount.stripTrailingZeros().scale() > Currency.SCALE) {
                throw new Mismatch(path, "expected an amount with at most " + Currency.SCALE + " decimals, got "
                        + amount.toPlainString());
            }
            if (amount.abs().compareTo(BigDecimal.TEN.pow(Currency.MAX_INTEGER_DIGITS)) >= 0) {
                throw new Mismatch(path, "expected an amount below 10^" + Currency.MAX_INTEGER_DIGITS + ", got "
                        + amount.toPlainString());
            }
        } else if (raw == BigDecimal.class || raw == Number.class) {
            expect(value instanceof JsonNumber, path, "a number", value);
            decimal((JsonNumber) value, path);
        } else if (raw.isEnum()) {
            expect(value instanceof JsonString, path, "one of " + java.util.Arrays.toString(raw.getEnumConstants()), value);
            String name = ((JsonString) value).getString();
            for (Object constant : raw.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(name)) {
                    return;
                }
            }
            throw new Mismatch(path, "expected one of " + java.util.Arrays.toString(raw.getEnumConstants())
                    + ", got \"" + name + "\"");
        } else if (raw.isArray() || Collection.class.isAssignableFrom(raw)) {
            expect(value instanceof JsonArray, path, "an array", value);
            Type element = raw.isArray() ? componentOf(type) : argument(type, 0);
            int i = 0;
            for (JsonValue item : (JsonArray) value) {
                check(item, element, path + "[" + i++ + "]", snakeCase);
            }
        } else if (Map.class.isAssignableFrom(raw)) {
            expect(value instanceof JsonObject, path, "an object", value);
            Type valueType = argument(type, 1);
            for (var entry : ((JsonObject) value).entrySet()) {
                check(entry.getValue(), valueType, join(path, entry.getKey()), snakeCase);
            }
        } else if (raw.isRecord()) {
            expect(value instanceof JsonObject, path, "an object", value);
            JsonObject object = (JsonObject) value;
            for (RecordComponent component : raw.getRecordComponents()) {
                String name = jsonName(component.getName(), component.getAccessor().getAnnotation(JsonbProperty.class),
                        snakeCase);
                check(object.get(name), component.getGenericType(), join(path, name), snakeCase);
            }
        } else if (!raw.isInterface() && !Modifier.isAbstract(raw.getModifiers())) {
            expect(value instanceof JsonObject, path, "an object", value);
            JsonObject object = (JsonObject) value;
            for (Class<?> c = raw; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    int modifiers = field.getModifiers();
                    if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()
                            || field.isAnnotationPresent(JsonbTransient.class)) {
                        continue;
                    }
                    String name = jsonName(field.getName(), field.getAnnotation(JsonbProperty.class), snakeCase);
                    check(object.get(name), field.getGenericType(), join(path, name), snakeCase);
                }
            }
        }
    }

    private static BigDecimal decimal(JsonNumber number, String path) throws Mismatch {
        BigDecimal decimal = number.bigDecimalValue();
        if (Math.abs((long) decimal.precision() - decimal.scale()) > MAX_EXPONENT || Math.abs(decimal.scale()) > MAX_EXPONENT) {
            throw new Mismatch(path, "the number is out of range");
        }
        return decimal;
    }

    /** The range of an integer type (min, max), {} for BigInteger (unbounded), null if not an integer type. */
    private static BigInteger[] integerRange(Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return range(Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        if (type == long.class || type == Long.class) {
            return range(Long.MIN_VALUE, Long.MAX_VALUE);
        }
        if (type == short.class || type == Short.class) {
            return range(Short.MIN_VALUE, Short.MAX_VALUE);
        }
        if (type == byte.class || type == Byte.class) {
            return range(Byte.MIN_VALUE, Byte.MAX_VALUE);
        }
        return type == BigInteger.class ? new BigInteger[0] : null;
    }

    private static BigInteger[] range(long min, long max) {
        return new BigInteger[] {BigInteger.valueOf(min), BigInteger.valueOf(max)};
    }

    private static void expect(boolean fits, String path, String expected, JsonValue got) throws Mismatch {
        if (!fits) {
            throw new Mismatch(path, "expected " + expected + ", got " + describe(got));
        }
    }

    private static String describe(JsonValue value) {
        String text = value.toString();
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return switch (value.getValueType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "the string " + shown;
            case NUMBER -> "the number " + shown;
            default -> shown;
        };
    }

    private static String kind(Class<?> type) {
        if (type.isPrimitive()) {
            return type == boolean.class ? "true or false" : "a number";
        }
        return type == JsonObject.class ? "an object" : type == JsonArray.class ? "an array"
                : type == JsonString.class ? "a string" : type == JsonNumber.class ? "a number" : "a value";
    }

    private static String jsonName(String javaName, JsonbProperty property, boolean snakeCase) {
        if (property != null && !property.value().isEmpty()) {
            return property.value();
        }
        return snakeCase ? javaName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase() : javaName;
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return raw(p.getRawType());
        }
        if (type instanceof GenericArrayType a) {
            return Array.newInstance(raw(a.getGenericComponentType()), 0).getClass();
        }
        return Object.class; // a type variable or wildcard: anything
    }

    private static Type argument(Type type, int index) {
        return type instanceof ParameterizedType p && p.getActualTypeArguments().length > index
                ? p.getActualTypeArguments()[index] : Object.class;
    }

    private static Type componentOf(Type type) {
        return type instanceof GenericArrayType a ? a.getGenericComponentType() : ((Class<?>) type).getComponentType();
    }
}
