package org.ludus.testapps.stall;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.ludus.page.Page;
import org.ludus.session.Sessions;

@ApplicationScoped
public class StallPage extends Page<StallPlayer> {

    @Inject
    Sessions sessions;

    @Override
    public String template() {
        return "org/ludus/testapps/flow/Plain.peb";
    }

    @Override
    public Integer timeoutSeconds(StallPlayer player) {
        return 1;
    }

    @Override
    public void beforeNextPage(StallPlayer player, boolean timeoutHappened) {
        if (Boolean.TRUE.equals(sessions.config(player.getParticipant().getSession()).get("poison"))) {
            throw new IllegalStateException("this page cannot be left (a test's poison)");
        }
    }
}
