package org.ludus.testapps.shapes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.Map;
import org.ludus.live.Dict;
import org.ludus.live.Live;
import org.ludus.page.Page;

/**
 * The document's dict with a type and a recipient: {@code {'type': 'offer', 'value': 99.9, 'to': 3}} and
 * {@code {'type': 'response', 'accepted': true, 'to': 3}}, each passed on to player {@code to} with a "from".
 */
@ApplicationScoped
public class OfferPage extends Page<ShapesPlayer> {

    public record Message(@NotNull String type, BigDecimal value, Boolean accepted, @NotNull Integer to) {
    }

    @Live
    Map<Integer, Object> live(ShapesPlayer player, Message data) {
        return switch (data.type()) {
            case "offer" -> Map.of(data.to(), Dict.of("type", "offer", "from", player.getIdInGroup(),
                    "value", data.value()));
            case "response" -> Map.of(data.to(), Dict.of("type", "response", "from", player.getIdInGroup(),
                    "accepted", data.accepted()));
            default -> Map.of(player.getIdInGroup(), Dict.of("error", "unknown type " + data.type()));
        };
    }

    @Override
    public String template() {
        return "org/ludus/testapps/flow/Plain.peb";
    }
}
