package org.ludus.live;

import java.time.Instant;

/**
 * A live message was applied by its page's live method. Fired inside the message's transaction; observe it
 * with {@code during = AFTER_SUCCESS} to see only committed messages (the admin monitor's chart does).
 */
public record LiveMessageApplied(String sessionCode, String appName, int round, int groupIdInSubsession,
        int idInGroup, String pageName, String dataJson, Instant at) {
}
