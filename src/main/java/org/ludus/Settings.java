package org.ludus;

import java.util.Optional;

/**
 * A server setting: the system property ({@code -Dludus.public.url=…}) if set, else the environment
 * variable ({@code LUDUS_PUBLIC_URL}). One place, so every setting is read (and documented) the same way.
 */
public final class Settings {

    private Settings() {
    }

    /**
     * This server's name among servers sharing the database (LUDUS_NODE, else WildFly's jboss.node.name): the one
     * that restarts its export runs after a crash, and the {@code node} of its metrics.
     */
    public static String node() {
        return text("ludus.node", "LUDUS_NODE").orElse(System.getProperty("jboss.node.name", "ludus"));
    }

    public static Optional<String> text(String property, String environmentVariable) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environmentVariable);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /**
     * A whole number setting from {@code min} to {@code max}; a value that is not one (a word, a fraction, out of
     * range) stops the deployment with a message naming the setting, instead of being replaced by the default
     * in silence.
     */
    public static int number(String property, String environmentVariable, int defaultValue, int min, int max) {
        return (int) checked(property + " / " + environmentVariable, text(property, environmentVariable), defaultValue,
                min, max);
    }

    /** A limit set only as a system property (-Dludus.live.threads=…): a whole number of at least 1. */
    public static int positive(String property, int defaultValue) {
        return (int) checked(property, property(property), defaultValue, 1, Integer.MAX_VALUE);
    }

    /** As {@link #positive(String, int)}, up to {@code Long.MAX_VALUE}. */
    public static long positiveLong(String property, long defaultValue) {
        return checked(property, property(property), defaultValue, 1, Long.MAX_VALUE);
    }

    private static Optional<String> property(String property) {
        String value = System.getProperty(property);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static long checked(String name, Optional<String> text, long defaultValue, long min, long max) {
        long value;
        try {
            value = text.map(Long::parseLong).orElse(defaultValue);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(name + " must be a whole number, not '" + text.get() + "'");
        }
        if (value < min || value > max) {
            throw new IllegalStateException(name + " must be from " + min + " to " + max + ", not " + value);
        }
        return value;
    }
}
