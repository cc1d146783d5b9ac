package org.ludus.testapps.shapes;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.ludus.live.Live;
import org.ludus.page.Page;

/** {@code liveSend('hello world')}; the document's first answer: "thanks", to the sender. */
@ApplicationScoped
public class TextPage extends Page<ShapesPlayer> {

    @Live
    Map<Integer, Object> live(ShapesPlayer player, String data) {
        return Map.of(player.getIdInGroup(), "thanks for " + data);
    }

    @Override
    public String template() {
        return "org/ludus/testapps/flow/Plain.peb";
    }
}
