package org.ludus.page;

import org.ludus.session.BaseGroup;
import org.ludus.session.BasePlayer;
import org.ludus.session.Subsession;

/**
 * A page where players wait until all of their group (or of the subsession) have arrived; then
 * {@code afterAllPlayersArrive} runs once and everyone moves on by themselves (the server pushes the move).
 * A wait page may have a live method too.
 */
public abstract class WaitPage<P extends BasePlayer<G>, G extends BaseGroup> extends Page<P> {

    /** Wait for every player of the round, not only the group. */
    public boolean waitForAllGroups() {
        return false;
    }

    /**
     * Form groups in the order players arrive here (only as the first page of a round): the first
     * {@code players_per_group} to arrive become group 1, and so on.
     */
    public boolean groupByArrivalTime() {
        return false;
    }

    /** Runs once per group, when its last player arrives (not with {@link #waitForAllGroups()}). */
    public void afterAllPlayersArrive(G group) {
    }

    /** Runs once per round with {@link #waitForAllGroups()}, when the last player arrives. */
    public void afterAllPlayersArrive(Subsession subsession) {
    }

    /** The page's title; null (the default) is Ludus's "Please wait" in the session's language. */
    public String titleText() {
        return null;
    }

    /** The page's text; null (the default) is Ludus's "Waiting for the other participants." in its language. */
    public String bodyText() {
        return null;
    }

    @Override
    public String template() {
        return "ludus/WaitPage.peb";
    }
}
