package org.ludus.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.ludus.session.SessionConfig;
import org.ludus.session.SessionConfigs;

/** GET /api/session_configs/: every session config, as oTree lists them (name, display_name, app_sequence, …). */
@Path("session_configs")
@Produces(MediaType.APPLICATION_JSON)
public class SessionConfigsResource {

    @Inject
    SessionConfigs configs;

    @Inject
    ApiAccess apiAccess;

    @GET
    public List<Map<String, Object>> all() {
        apiAccess.requireRole();
        return configs.all().stream().map(SessionConfig::asMap).toList();
    }
}
