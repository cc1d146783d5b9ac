package org.ludus.page;

import java.util.List;
import org.ludus.session.BaseGroup;
import org.ludus.session.BasePlayer;
import org.ludus.session.Subsession;

/**
 * An app: a CDI bean ({@code @ApplicationScoped}) in the app's package that says how it is played.
 * Its group and player are JPA entities extending {@link BaseGroup} and {@link BasePlayer}.
 */
public interface App {

    /** The name session configs use in their app sequence. */
    String name();

    /** Players per group; 0 puts all players of a round into one group. */
    int playersPerGroup();

    default int numRounds() {
        return 1;
    }

    /** The page sequence of one round, as page classes ({@link BaseApp} takes template-only pages too). */
    default List<Class<? extends Page<?>>> pages() {
        return List.of();
    }

    /** The page sequence of one round as Ludus reads it; by default {@link #pages()}. */
    default List<AppPage> pageSequence() {
        return pages().stream().map(AppPage::of).toList();
    }

    Class<? extends BaseGroup> groupClass();

    Class<? extends BasePlayer<?>> playerClass();

    /** Called once per round when a session is created, after its groups and players exist. */
    default void creatingSession(Subsession subsession) {
    }
}
