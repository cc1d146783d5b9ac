package org.ludus.apps.tenmessages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.ludus.page.BaseApp;
import org.ludus.session.SessionConfig;

/** The seed's "keeping users on the page" for groups of two; the last page is only a template. */
@ApplicationScoped
public class TenMessagesApp extends BaseApp<TenMessagesGroup, TenMessagesPlayer> {

    static final int MESSAGES_NEEDED = 10;

    @Produces
    static SessionConfig config = SessionConfig.of("ten_messages", "Ten messages, then move on", 2, "tenmessages");

    public TenMessagesApp() {
        super(2, ChatPage.class, "DonePage");
    }
}
