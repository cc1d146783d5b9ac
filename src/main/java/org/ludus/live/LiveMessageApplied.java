package org.ludus.live;

import java.time.Instant;

/**
 * A live message was applied by its page's live method and committed. Fired after the commit, on the thread
 * that committed, after the message's frames were queued (a plain observer costs the live path no
 * transaction synchronization of its own).
 */
public record LiveMessageApplied(String sessionCode, String appName, int round, int groupIdInSubsession,
        int idInGroup, String pageName, String dataJson, Instant at) {
}
