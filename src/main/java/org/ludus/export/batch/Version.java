package org.ludus.export.batch;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Ludus's version, from the build (ludus/version.properties, filtered by Maven). */
final class Version {

    static final String LUDUS = read();

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("/ludus/version.properties")) {
            var properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private Version() {
    }
}
