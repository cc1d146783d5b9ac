package org.ludus.session;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ludus.Languages;

/**
 * A session config, defined in Java by an app (a CDI producer method returning one), like oTree's SESSION_CONFIGS.
 * {@code custom} holds the config's own keys; a session may modify any of them, or the fee and the rate.
 */
public record SessionConfig(String name, String displayName, List<String> appSequence, int numDemoParticipants,
        BigDecimal participationFee, BigDecimal realWorldCurrencyPerPoint, Map<String, Object> custom,
        Map<String, Range> ranges) {

    /** The values a numeric custom key may take (both ends included). */
    public record Range(BigDecimal min, BigDecimal max) {
        boolean contains(BigDecimal value) {
            return value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
        }
    }

    /** A number without a declared range stays within this, so no override is absurd (1e999999). */
    static final Range ANY_NUMBER = new Range(BigDecimal.valueOf(-1_000_000_000), BigDecimal.valueOf(1_000_000_000));
    static final Range MONEY = new Range(BigDecimal.ZERO, BigDecimal.valueOf(1_000_000));
    /** An override sets a group size; only a config's own default may be 0 (everyone in one group). */
    static final Range GROUP_SIZE = new Range(BigDecimal.ONE, BigDecimal.valueOf(Sessions.MAX_PARTICIPANTS));
    static final int MAX_TEXT = 1000;

    public static final String PARTICIPATION_FEE = "participation_fee";
    public static final String REAL_WORLD_CURRENCY_PER_POINT = "real_world_currency_per_point";
    /** A custom key that, when a config has it, sets the group size of all its apps. */
    public static final String PLAYERS_PER_GROUP = "players_per_group";
    /**
     * A custom key that, when a config has it (or a session's modification sets it), is the language its
     * participants see: one of {@link Languages#SUPPORTED}; without it, the server's (LUDUS_LANGUAGE).
     */
    public static final String LANGUAGE = "language";

    public SessionConfig {
        appSequence = List.copyOf(appSequence);
        custom = Map.copyOf(custom);
        ranges = Map.copyOf(ranges);
    }

    public static SessionConfig of(String name, String displayName, int numDemoParticipants, String... apps) {
        return new SessionConfig(name, displayName, List.of(apps), numDemoParticipants, BigDecimal.ZERO,
                BigDecimal.ONE, Map.of(), Map.of());
    }

    /**
     * A key of the config's own, with its default. A session may override it with a value of the same type
     * (a whole number for a whole default, a number, true/false, a text of at most 1,000 characters).
     */
    public SessionConfig withCustom(String key, Object value) {
        var copy = new LinkedHashMap<>(custom);
        copy.put(key, value);
        return new SessionConfig(name, displayName, appSequence, numDemoParticipants, participationFee,
                realWorldCurrencyPerPoint, copy, ranges);
    }

    /** A numeric key of the config's own whose overrides must lie from {@code min} to {@code max}. */
    public SessionConfig withCustom(String key, Number value, Number min, Number max) {
        var copy = new LinkedHashMap<>(ranges);
        copy.put(key, new Range(new BigDecimal(min.toString()), new BigDecimal(max.toString())));
        SessionConfig withValue = withCustom(key, value);
        return new SessionConfig(name, displayName, appSequence, numDemoParticipants, participationFee,
                realWorldCurrencyPerPoint, withValue.custom, copy);
    }

    /** The language its participants see, a BCP 47 tag of {@link Languages#SUPPORTED} ("de", "zh-Hans"). */
    public SessionConfig withLanguage(String language) {
        return withCustom(LANGUAGE, language);
    }

    /**
     * The config's language as {@link Languages#SUPPORTED} spells it, or empty if it names none (the server's
     * is taken); a language Ludus has no texts for is refused, naming the field.
     */
    public Optional<String> language() {
        Object value = custom.get(LANGUAGE);
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(checkedLanguage(value));
    }

    private static String checkedLanguage(Object value) {
        return (value instanceof String tag ? Languages.supported(tag) : Optional.<String>empty())
                .orElseThrow(() -> new SessionCreationException(LANGUAGE + " must be one of "
                        + String.join(", ", Languages.SUPPORTED) + " (the languages Ludus has texts for), not "
                        + shown(value)));
    }

    public SessionConfig withPayment(BigDecimal participationFee, BigDecimal realWorldCurrencyPerPoint) {
        return new SessionConfig(name, displayName, appSequence, numDemoParticipants, participationFee,
                realWorldCurrencyPerPoint, custom, ranges);
    }

    /**
     * This config with a session's modifications. Only keys the config has may be modified, each with a value
     * of its type and range; the fee and the rate are amounts of money (0 to 1,000,000, at most 2 and 6
     * decimals). A value that does not fit is refused with a message naming the field.
     */
    public SessionConfig modifiedBy(Map<String, Object> modifications) {
        SessionConfig result = this;
        for (var entry : modifications.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            if (PARTICIPATION_FEE.equals(key)) {
                result = result.withPayment(decimal(key, value, MONEY, 2), result.realWorldCurrencyPerPoint);
            } else if (REAL_WORLD_CURRENCY_PER_POINT.equals(key)) {
                result = result.withPayment(result.participationFee, decimal(key, value, MONEY, 6));
            } else if (LANGUAGE.equals(key)) { // every config's language may be set
                result = result.withLanguage(checkedLanguage(value));
            } else if (custom.containsKey(key) || PLAYERS_PER_GROUP.equals(key)) { // every config's groups may be resized
                result = result.withCustom(key, typed(key, custom.getOrDefault(key, 0), value));
            } else {
                throw new SessionCreationException("session config '" + name + "' has no field '" + key + "'");
            }
        }
        return result;
    }

    /** The override as a value of the default's type, or a refusal. */
    private Object typed(String key, Object declared, Object value) {
        if (declared instanceof Boolean) {
            if (value instanceof Boolean b) {
                return b;
            }
            throw new SessionCreationException(key + " must be true or false, not " + shown(value));
        }
        if (declared instanceof Integer || declared instanceof Long || declared instanceof Short) {
            BigDecimal number = decimal(key, value, rangeOf(key), 0);
            return declared instanceof Long ? number.longValueExact() : (Object) number.intValueExact();
        }
        if (declared instanceof Number) {
            return decimal(key, value, rangeOf(key), 10);
        }
        if (declared instanceof String) {
            if (value instanceof String text && text.length() <= MAX_TEXT) {
                return text;
            }
            throw new SessionCreationException(key + " must be a text of at most " + MAX_TEXT + " characters, not "
                    + shown(value));
        }
        throw new SessionCreationException(key + " cannot be changed for a session");
    }

    /** The declared range; players per group has its own in every config, however the config was built. */
    private Range rangeOf(String key) {
        return ranges.getOrDefault(key, PLAYERS_PER_GROUP.equals(key) ? GROUP_SIZE : ANY_NUMBER);
    }

    private static BigDecimal decimal(String key, Object value, Range range, int maxDecimals) {
        BigDecimal number;
        try {
            number = value instanceof Number || value instanceof String ? new BigDecimal(String.valueOf(value)) : null;
        } catch (NumberFormatException e) {
            number = null;
        }
        if (number == null || value instanceof String) {
            throw new SessionCreationException(key + " must be a number, not " + shown(value));
        }
        if (!range.contains(number)) {
            throw new SessionCreationException(key + " must be from " + range.min().toPlainString() + " to "
                    + range.max().toPlainString() + ", not " + shown(value));
        }
        if (number.stripTrailingZeros().scale() > maxDecimals) {
            throw new SessionCreationException(key + (maxDecimals == 0 ? " must be a whole number"
                    : " may have at most " + maxDecimals + " decimals") + ", not " + shown(value));
        }
        return number;
    }

    private static String shown(Object value) {
        String text = value instanceof String ? "'" + value + "'" : String.valueOf(value);
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** The config as oTree shows it: name, display_name, app_sequence, fee, rate, then the custom keys. */
    public Map<String, Object> asMap() {
        var map = new LinkedHashMap<String, Object>();
        map.put("name", name);
        map.put("display_name", displayName);
        map.put("app_sequence", appSequence);
        map.put("num_demo_participants", numDemoParticipants);
        map.put(PARTICIPATION_FEE, participationFee);
        map.put(REAL_WORLD_CURRENCY_PER_POINT, realWorldCurrencyPerPoint);
        map.putAll(custom);
        return map;
    }
}
