package org.ludus.apps.tenmessages;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.ludus.live.Dict;
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
        if (group.gameFinished || message.text() == null) {
            return Map.of(player.getIdInGroup(), liveState(player));
        }
        group.numMessages++;
        group.gameFinished = group.numMessages >= TenMessagesApp.MESSAGES_NEEDED;
        if (group.gameFinished) {
            return Map.of(0, Dict.of("type", "game_finished"));
        }
        return Map.of(0, Dict.of("type", "message", "id_in_group", player.getIdInGroup(), "text", message.text(),
                "num_messages", group.numMessages));
    }

    /** Where the group is, for a page that opens or reconnects (and for {@code liveSend({})}). */
    @Override
    public Dict liveState(TenMessagesPlayer player) {
        TenMessagesGroup group = player.getGroup();
        return group.gameFinished ? Dict.of("type", "game_finished")
                : Dict.of("type", "count", "num_messages", group.numMessages);
    }

    @Override
    public String errorMessage(TenMessagesPlayer player, Map<String, Object> values) {
        return player.getGroup().gameFinished ? null
                : "The group needs " + TenMessagesApp.MESSAGES_NEEDED + " messages before you can go on.";
    }
}
