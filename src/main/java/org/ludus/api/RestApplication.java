package org.ludus.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The REST API, with oTree's routes and JSON shapes (design.md, "Stable interfaces"). Its classes are listed
 * because the deployment has a second JAX-RS application (the admin's, org.ludus.admin.AdminApiApplication):
 * a new API resource must be added here.
 */
@ApplicationPath("/api")
public class RestApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(SessionsResource.class, SessionConfigsResource.class, RoomVarsResource.class, RoomsResource.class,
                BotsResource.class,
                ApiError.BadRequest.class, ApiError.Http.class, ApiError.Unexpected.class, ApiJson.class,
                ApiInput.class);
    }
}
