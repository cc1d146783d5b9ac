package org.ludus.apps.customwait;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.List;
import org.ludus.page.App;
import org.ludus.page.Page;
import org.ludus.session.SessionConfig;

@ApplicationScoped
public class CustomWaitApp implements App {

    static final int PLAYERS_PER_GROUP = 3;

    @Produces
    static SessionConfig config = SessionConfig.of("custom_wait", "Custom wait page (all arrive, or a timeout)", 3,
            "customwait").withCustom("wait_timeout_seconds", 60, 1, 3600);

    @Override
    public String name() {
        return "customwait";
    }

    @Override
    public int playersPerGroup() {
        return PLAYERS_PER_GROUP;
    }

    @Override
    public List<Class<? extends Page<?>>> pages() {
        return List.of(LobbyPage.class, StartPage.class);
    }

    @Override
    public Class<CustomWaitGroup> groupClass() {
        return CustomWaitGroup.class;
    }

    @Override
    public Class<CustomWaitPlayer> playerClass() {
        return CustomWaitPlayer.class;
    }
}
