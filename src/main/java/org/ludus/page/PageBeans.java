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

/** Page beans by class, and sessions' page sequences (each resolved once; both fixed for the deployment's life). */
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

    /** The session's page sequence: as kept when it was created (else its config's, for older sessions). */
    public PageSequence sequenceOf(ExperimentSession session) {
        return sequenceOf(session.getConfigName(), session.getPageSequence());
    }

    /**
     * A session's page sequence from its config name and its kept sequence (null: the config's as deployed).
     * Throws {@link PageSequence.AppGone} if an app or page it names is no longer deployed, and
     * IllegalStateException if its config is gone too.
     */
    public PageSequence sequenceOf(String configName, String frozen) {
        if (frozen == null) {
            return sequences.computeIfAbsent("config " + configName, name -> {
                List<String> appNames = configs.find(configName)
                        .orElseThrow(() -> new PageSequence.AppGone("session config '" + configName
                                + "' no longer exists"))
                        .appSequence();
                return PageSequence.of(appNames.stream().map(apps::byName).toList());
            });
        }
        return sequences.computeIfAbsent(frozen, text -> PageSequence.thawed(text, apps));
    }
}
