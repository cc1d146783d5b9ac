package org.ludus.admin;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The admin pages' own endpoints (the monitor's event stream), under /admin/api: the admin role guards them
 * (web.xml), not the REST key. Classes listed, so the two JAX-RS applications do not share resources.
 */
@ApplicationPath("/admin/api")
public class AdminApiApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        // refusals (403, 404) as the API's JSON, not logged as the framework's failures
        return Set.of(MonitorResource.class, org.ludus.api.ApiError.Http.class);
    }
}
