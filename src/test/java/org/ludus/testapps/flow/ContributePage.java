package org.ludus.testapps.flow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.ludus.page.Page;
import org.ludus.session.Sessions;

@ApplicationScoped
public class ContributePage extends Page<FlowPlayer> {

    @Inject
    Sessions sessions;

    @Override
    public List<String> formFields(FlowPlayer player) {
        return List.of("contribution", "colour");
    }

    @Override
    public String errorMessage(FlowPlayer player, Map<String, Object> values) {
        return Integer.valueOf(7).equals(values.get("contribution")) ? "Seven is not allowed here." : null;
    }

    @Override
    public Integer timeoutSeconds(FlowPlayer player) {
        Object seconds = sessions.config(player.getParticipant().getSession()).get("contribute_timeout");
        return seconds == null || ((Number) seconds).intValue() == 0 ? null : ((Number) seconds).intValue();
    }

    @Override
    public void beforeNextPage(FlowPlayer player, boolean timeoutHappened) {
        player.setTimedOut(timeoutHappened);
    }
}
