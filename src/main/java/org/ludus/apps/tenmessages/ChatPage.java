package org.ludus.apps.tenmessages;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.ludus.live.Live;
import org.ludus.page.Page;

/**
 * The seed's "keeping users on the page": no Next button; the group counts messages, and at ten the server
 * tells every page to submit. A forged early submit is refused by {@link #errorMessage}.
 */
@ApplicationScoped
public class ChatPage extends Page<TenMessagesPlayer> {

    public record Message(String text) {
    }

    @Live
    Map<Integer, Object> live(TenMessagesPlayer player, Message message) {
        TenMessagesGroup group = player.getGroup();
        if (group.isGameFinished() || message.text() == null) { // {}: where are we
            return Map.of(player.getIdInGroup(), liveState(player));
        }
        group.countMessage();
        if (group.isGameFinished()) {
            return Map.of(0, Map.of("type", "game_finished"));
        }
        return Map.of(0, Map.of("type", "message", "id_in_group", player.getIdInGroup(), "text", message.text(),
                "num_messages", group.getNumMessages()));
    }

    /** Where the group is, for a page that opens or reconnects. */
    @Override
    public Map<String, Object> liveState(TenMessagesPlayer player) {
        TenMessagesGroup group = player.getGroup();
        return group.isGameFinished() ? Map.of("type", "game_finished")
                : Map.of("type", "count", "num_messages", group.getNumMessages());
    }

    @Override
    public String errorMessage(TenMessagesPlayer player, Map<String, Object> values) {
        return player.getGroup().isGameFinished() ? null
                : "The group needs " + TenMessagesApp.MESSAGES_NEEDED + " messages before you can go on.";
    }
}
