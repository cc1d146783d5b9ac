package org.ludus.apps.customwait;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.ludus.page.BaseApp;
import org.ludus.session.SessionConfig;

/** The seed's custom wait page for groups of three; the page after it is only a template. */
@ApplicationScoped
public class CustomWaitApp extends BaseApp<CustomWaitGroup, CustomWaitPlayer> {

    static final int PLAYERS_PER_GROUP = 3;

    @Produces
    static SessionConfig config = SessionConfig.of("custom_wait", "Custom wait page (all arrive, or a timeout)", 3,
            "customwait").withCustom("wait_timeout_seconds", 60, 1, 3600);

    public CustomWaitApp() {
        super(PLAYERS_PER_GROUP, LobbyPage.class, "StartPage");
    }
}
