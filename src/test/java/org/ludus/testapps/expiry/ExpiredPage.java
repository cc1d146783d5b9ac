package org.ludus.testapps.expiry;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.ludus.live.Live;
import org.ludus.page.Page;

@ApplicationScoped
public class ExpiredPage extends Page<ExpiryPlayer> {

    @Live
    Map<Integer, Object> live(ExpiryPlayer player, Object data) {
        return Map.of(player.getIdInGroup(), ++player.getGroup().counted);
    }

    @Override
    public Integer timeoutSeconds(ExpiryPlayer player) {
        return 0;
    }

    @Override
    public String template() {
        return "org/ludus/testapps/flow/Plain.peb";
    }
}
