package org.ludus;

import java.util.Optional;

/**
 * A server setting: the system property ({@code -Dludus.public.url=…}) if set, else the environment
 * variable ({@code LUDUS_PUBLIC_URL}). One place, so every setting is read (and documented) the same way.
 */
public final class Settings {

    private Settings() {
    }

    public static Optional<String> text(String property, String environmentVariable) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environmentVariable);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** A whole number setting; a value that is not one stops the deployment with a message naming it. */
    public static int number(String property, String environmentVariable, int defaultValue) {
        Optional<String> text = text(property, environmentVariable);
        try {
            return text.map(Integer::parseInt).orElse(defaultValue);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(property + " / " + environmentVariable + " must be a whole number, not '"
                    + text.get() + "'");
        }
    }
}
