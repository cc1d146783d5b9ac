package org.ludus.page;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ludus.session.ExperimentSession;
import org.ludus.session.SessionConfigs;

/** Page beans by class, and each session config's page sequence (both fixed for the deployment's life). */
@ApplicationScoped
public class PageBeans {

    @Inject
    @Any
    Instance<Page<?>> pages;

    @Inject
    SessionConfigs configs;

    @Inject
    Apps apps;

    private final Map<Class<?>, Page<?>> byClass = new ConcurrentHashMap<>();
    private final Map<String, PageSequence> sequences = new ConcurrentHashMap<>();

    public Page<?> bean(Class<? extends Page<?>> type) {
        return byClass.computeIfAbsent(type, t -> pages.select(type).get());
    }

    public PageSequence sequenceOf(ExperimentSession session) {
        return sequenceOf(session.getConfigName());
    }

    public PageSequence sequenceOf(String configName) {
        return sequences.computeIfAbsent(configName, name -> {
            List<String> appNames = configs.find(name)
                    .orElseThrow(() -> new IllegalStateException("session config '" + name + "' no longer exists"))
                    .appSequence();
            return PageSequence.of(appNames.stream().map(apps::byName).toList());
        });
    }
}
