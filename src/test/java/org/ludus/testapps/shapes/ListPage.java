package org.ludus.testapps.shapes;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.ludus.live.Live;
import org.ludus.page.Page;

/** {@code liveSend([4, 5, 6])}; the document's second answer: forwarded to players 2 and 3. */
@ApplicationScoped
public class ListPage extends Page<ShapesPlayer> {

    @Live
    Map<Integer, Object> live(ShapesPlayer player, List<Integer> data) {
        return Map.of(2, data, 3, data);
    }

    @Override
    public String template() {
        return "org/ludus/testapps/flow/Plain.peb";
    }
}
