package org.ludus.page;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

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

    public Optional<App> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public App byName(String name) {
        App app = byName.get(name);
        if (app == null) {
            throw new IllegalStateException("no app named '" + name + "'");
        }
        return app;
    }
}
