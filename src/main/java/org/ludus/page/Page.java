package org.ludus.page;

import java.util.List;
import java.util.Map;
import org.ludus.session.BasePlayer;

/**
 * A page of an app: a CDI bean ({@code @ApplicationScoped}) listed in {@link App#pages()}, with oTree's page
 * hooks. Its template is {@code <ClassName>.peb} beside the class (same package, under src/main/resources).
 * A page becomes a live page by declaring a method annotated {@link org.ludus.live.Live}.
 */
public abstract class Page<P extends BasePlayer<?>> {

    /** Whose fields the page's form edits. */
    public enum FormModel { PLAYER, GROUP }

    public boolean isDisplayed(P player) {
        return true;
    }

    /** Extra variables for the template, next to player, group, participant and session. */
    public Map<String, Object> varsForTemplate(P player) {
        return Map.of();
    }

    /**
     * What this player's page shows of the live game, sent to the page when its live socket opens and after
     * every reconnect (ludus.js gives it to {@code liveRecv}); null sends nothing. Runs under the group's lock,
     * in the group's order: no broadcast older than this state reaches the page after it. So a page never has
     * to ask for its state, and a reconnect never repeats a message to get it.
     */
    public Object liveState(P player) {
        return null;
    }

    /** Template path on the class path. */
    public String template() {
        Class<?> type = PageClasses.userClass(getClass());
        return type.getPackageName().replace('.', '/') + "/" + type.getSimpleName() + ".peb";
    }

    public FormModel formModel() {
        return FormModel.PLAYER;
    }

    /** Names of the {@link #formModel()}'s fields the form shows; see {@link FormField}. */
    public List<String> formFields(P player) {
        return List.of();
    }

    /**
     * A reason to refuse the Next button (shown on the page), or null to accept it. Called with the form's
     * valid values, also on pages without fields; not called when the page timed out.
     */
    public String errorMessage(P player, Map<String, Object> values) {
        return null;
    }

    /** Runs when the participant leaves the page (Next or timeout), in the same transaction. */
    public void beforeNextPage(P player, boolean timeoutHappened) {
    }

    /** Seconds the participant has on this page (null: no limit). The server enforces it. */
    public Integer timeoutSeconds(P player) {
        return null;
    }
}
