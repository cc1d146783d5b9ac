package org.ludus.live;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a page bean's live method: {@code Map<Integer, ?> name(AppPlayer player, T data)} (or {@code void}).
 * {@code data} is the page's {@code liveSend(data)} bound by JSON-B to {@code T} (a number, String, List,
 * record, {@code JsonValue}, ...). The returned map's keys are ids in group, {@code 0} meaning every player
 * of the group; each value is sent as JSON to that player's {@code liveRecv}. At most one per page.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Live {
}
