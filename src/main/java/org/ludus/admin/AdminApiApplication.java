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
        return Set.of(MonitorResource.class);
    }
}
