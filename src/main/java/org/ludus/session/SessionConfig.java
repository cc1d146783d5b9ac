package org.ludus.session;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A session config, defined in Java by an app (a CDI producer method returning one), like oTree's SESSION_CONFIGS.
 * {@code custom} holds the config's own keys; a session may modify any of them, or the fee and the rate.
 */
public record SessionConfig(String name, String displayName, List<String> appSequence, int numDemoParticipants,
        BigDecimal participationFee, BigDecimal realWorldCurrencyPerPoint, Map<String, Object> custom) {

    public static final String PARTICIPATION_FEE = "participation_fee";
    public static final String REAL_WORLD_CURRENCY_PER_POINT = "real_world_currency_per_point";
    /** A custom key that, when a config has it, sets the group size of all its apps. */
    public static final String PLAYERS_PER_GROUP = "players_per_group";

    public SessionConfig {
        appSequence = List.copyOf(appSequence);
        custom = Map.copyOf(custom);
    }

    public static SessionConfig of(String name, String displayName, int numDemoParticipants, String... apps) {
        return new SessionConfig(name, displayName, List.of(apps), numDemoParticipants, BigDecimal.ZERO,
                BigDecimal.ONE, Map.of());
    }

    public SessionConfig withCustom(String key, Object value) {
        var copy = new LinkedHashMap<>(custom);
        copy.put(key, value);
        return new SessionConfig(name, displayName, appSequence, numDemoParticipants, participationFee,
                realWorldCurrencyPerPoint, copy);
    }

    public SessionConfig withPayment(BigDecimal participationFee, BigDecimal realWorldCurrencyPerPoint) {
        return new SessionConfig(name, displayName, appSequence, numDemoParticipants, participationFee,
                realWorldCurrencyPerPoint, custom);
    }

    /** This config with a session's modifications; only keys the config has may be modified. */
    public SessionConfig modifiedBy(Map<String, Object> modifications) {
        SessionConfig result = this;
        for (var entry : modifications.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            if (PARTICIPATION_FEE.equals(key)) {
                result = result.withPayment(decimal(key, value), result.realWorldCurrencyPerPoint);
            } else if (REAL_WORLD_CURRENCY_PER_POINT.equals(key)) {
                result = result.withPayment(result.participationFee, decimal(key, value));
            } else if (custom.containsKey(key)) {
                if (PLAYERS_PER_GROUP.equals(key) && !(value instanceof Number)) {
                    throw new SessionCreationException(key + " must be a number, not '" + value + "'");
                }
                result = result.withCustom(key, value);
            } else {
                throw new SessionCreationException("session config '" + name + "' has no field '" + key + "'");
            }
        }
        return result;
    }

    private static BigDecimal decimal(String key, Object value) {
        try {
            return new BigDecimal(String.valueOf(value));
        } catch (NumberFormatException e) {
            throw new SessionCreationException(key + " must be a number, not '" + value + "'");
        }
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
