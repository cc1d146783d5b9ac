package org.ludus.apps.tenmessages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.List;
import org.ludus.page.App;
import org.ludus.page.Page;
import org.ludus.session.SessionConfig;

@ApplicationScoped
public class TenMessagesApp implements App {

    static final int MESSAGES_NEEDED = 10;

    @Produces
    static SessionConfig config = SessionConfig.of("ten_messages", "Ten messages, then move on", 2, "tenmessages");

    @Override
    public String name() {
        return "tenmessages";
    }

    @Override
    public int playersPerGroup() {
        return 2;
    }

    @Override
    public List<Class<? extends Page<?>>> pages() {
        return List.of(ChatPage.class, DonePage.class);
    }

    @Override
    public Class<TenMessagesGroup> groupClass() {
        return TenMessagesGroup.class;
    }

    @Override
    public Class<TenMessagesPlayer> playerClass() {
        return TenMessagesPlayer.class;
    }
}
