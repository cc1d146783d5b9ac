package org.ludus.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.ludus.Settings;
import org.ludus.web.PublicUrl;

/**
 * Who may reach the admin pages and the REST API, from the server's configuration: a system property
 * ({@code -Dludus.admin.username=…}) or else an environment variable ({@code LUDUS_ADMIN_USERNAME}).
 * Nothing here has a default that opens anything: without credentials the admin is closed.
 */
@ApplicationScoped
public class SecuritySettings {

    private static final Logger LOG = Logger.getLogger(SecuritySettings.class.getName());

    /** Like oTree's OTREE_AUTH_LEVEL, except that the default is the closed one. */
    public enum AuthLevel {
        /** Admin, demo and REST API need authentication (the default). */
        STUDY,
        /** As STUDY, but /demo is public (a demo site), as in oTree. */
        DEMO,
        /** Everything open without a login: only for a developer's own machine; logged loudly. */
        DEV
    }

    private final AuthLevel level = parseLevel(Settings.text("ludus.auth.level", "LUDUS_AUTH_LEVEL").orElse("STUDY"));
    private final Optional<String> adminUsername = Settings.text("ludus.admin.username", "LUDUS_ADMIN_USERNAME");
    private final Optional<String> adminPassword = Settings.text("ludus.admin.password", "LUDUS_ADMIN_PASSWORD");
    private final Optional<String> restKey = Settings.text("ludus.rest.key", "LUDUS_REST_KEY");

    void logAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        PublicUrl.configured(); // a malformed LUDUS_PUBLIC_URL stops the deployment here, not at the first link
        org.ludus.Languages.serverDefault(); // so does a LUDUS_LANGUAGE that Ludus has no texts for
        if (level == AuthLevel.DEV) {
            LOG.warning("LUDUS_AUTH_LEVEL=DEV: the admin pages, /demo"
                    + (restKey.isEmpty() ? " and the REST API" : "") + " are open to anyone who can reach this"
                    + " server. Never use DEV on a server others can reach.");
        } else if (adminUsername.isEmpty() || adminPassword.isEmpty()) {
            LOG.warning("No admin credentials (LUDUS_ADMIN_USERNAME / LUDUS_ADMIN_PASSWORD): the admin pages are"
                    + " closed" + (level == AuthLevel.DEMO ? "" : ", and so is /demo") + ".");
        } else {
            LOG.info("Admin pages need a login as '" + adminUsername.get() + "' (auth level " + level + ").");
        }
        if (restKey.isEmpty() && level != AuthLevel.DEV) {
            LOG.warning("No LUDUS_REST_KEY: the REST API (/api) is closed.");
        }
    }

    public AuthLevel level() {
        return level;
    }

    public Optional<String> adminUsername() {
        return adminUsername;
    }

    public Optional<String> adminPassword() {
        return adminPassword;
    }

    public Optional<String> restKey() {
        return restKey;
    }

    private static AuthLevel parseLevel(String text) {
        try {
            return AuthLevel.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // a typo must not open anything: fall back to the closed level, and say so
            LOG.severe("Unknown LUDUS_AUTH_LEVEL '" + text + "' (STUDY, DEMO or DEV): using STUDY.");
            return AuthLevel.STUDY;
        }
    }
}
