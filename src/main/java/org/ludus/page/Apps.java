package org.ludus.page;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Every {@link App} bean of the deployment, by name. */
@ApplicationScoped
public class Apps {

    @Inject
    @Any
    Instance<App> beans;

    private final Map<String, App> byName = new HashMap<>();

    @PostConstruct
    void collect() {
        for (App app : beans) {
            if (byName.putIfAbsent(app.name(), app) != null) {
                throw new IllegalStateException("two apps are named '" + app.name() + "'");
            }
        }
    }

    public Collection<App> all() {
        return byName.values();
    }

    public App byName(String name) {
        App app = byName.get(name);
        if (app == null) {
            throw new IllegalStateException("no app named '" + name + "'");
        }
        return app;
    }
}
