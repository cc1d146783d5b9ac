package org.ludus.testapps.regroup;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.ludus.live.Live;
import org.ludus.page.Page;

/** Says to the whole group what a player sent, and in which group the server ran it. */
@ApplicationScoped
public class TalkPage extends Page<RegroupPlayer> {

    @Override
    public String template() {
        return "org/ludus/testapps/flow/Plain.peb";
    }

    @Live
    public Map<Integer, Object> live(RegroupPlayer player, String text) {
        player.getGroup().talk();
        return Map.of(0, Map.of("text", text, "group", player.getGroup().getIdInSubsession(),
                "from", player.getIdInGroup()));
    }
}
