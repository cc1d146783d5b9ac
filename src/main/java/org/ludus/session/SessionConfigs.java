package org.ludus.session;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.ludus.page.Apps;

/** Every session config the apps produce (CDI producer methods returning {@link SessionConfig}). */
@ApplicationScoped
public class SessionConfigs {

    @Inject
    @Any
    Instance<SessionConfig> produced;

    @Inject
    Apps apps;

    private final Map<String, SessionConfig> byName = new LinkedHashMap<>();

    @PostConstruct
    void collect() {
        produced.stream()
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .forEach(config -> {
                    config.appSequence().forEach(apps::byName); // fails deployment on a config naming a missing app
                    if (byName.putIfAbsent(config.name(), config) != null) {
                        throw new IllegalStateException("two session configs are named '" + config.name() + "'");
                    }
                });
    }

    public Collection<SessionConfig> all() {
        return byName.values();
    }

    public Optional<SessionConfig> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
