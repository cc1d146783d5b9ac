package org.ludus.testapps.shapes;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Map;
import org.ludus.live.Live;
import org.ludus.page.Page;

/** {@code liveSend({'type': 'bid', 'value': 10.5})}; the document's third answer: broadcast to the group. */
@ApplicationScoped
public class TypedPage extends Page<ShapesPlayer> {

    public record Typed(String type, BigDecimal value) {
    }

    @Live
    Map<Integer, Object> live(ShapesPlayer player, Typed data) {
        return Map.of(0, data);
    }

    @Override
    public String template() {
        return "org/ludus/testapps/flow/Plain.peb";
    }
}
