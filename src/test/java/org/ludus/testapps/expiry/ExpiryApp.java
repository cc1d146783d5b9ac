package org.ludus.testapps.expiry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.ludus.page.BaseApp;
import org.ludus.session.SessionConfig;

/** One live page whose time is up the moment it opens (timeout 0): its live messages come too late. */
@ApplicationScoped
public class ExpiryApp extends BaseApp<ExpiryGroup, ExpiryPlayer> {

    @Produces
    static SessionConfig config = SessionConfig.of("expiry", "A page without time (tests only)", 1, "expiry");

    public ExpiryApp() {
        super(1, ExpiredPage.class);
    }
}
