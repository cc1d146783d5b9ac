package org.ludus.page;

import java.util.Map;
import org.ludus.session.BasePlayer;

/**
 * A page of an app: a CDI bean ({@code @ApplicationScoped}) listed in {@link App#pages()}.
 * Its template is {@code <ClassName>.peb} beside the class (same package, under src/main/resources).
 * A page becomes a live page by declaring a method annotated {@link org.ludus.live.Live}.
 */
public abstract class Page<P extends BasePlayer<?>> {

    public boolean isDisplayed(P player) {
        return true;
    }

    /** Extra variables for the template, next to player, group, participant and session. */
    public Map<String, Object> varsForTemplate(P player) {
        return Map.of();
    }

    /** Template path on the class path. */
    public String template() {
        Class<?> type = PageClasses.userClass(getClass());
        return type.getPackageName().replace('.', '/') + "/" + type.getSimpleName() + ".peb";
    }
}
