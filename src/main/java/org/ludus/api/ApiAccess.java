package org.ludus.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import org.ludus.lab.Caller;
import org.ludus.lab.Permission;
import org.ludus.lab.SessionAccess;
import org.ludus.session.ExperimentSession;

/**
 * What the REST API lets a key do, as the admin pages do for its owner ({@link SessionAccess}): a researcher's
 * key reaches the sessions its owner may research; another's session answers 404, as if there were none.
 */
@ApplicationScoped
public class ApiAccess {

    @Inject
    Caller caller;

    @Inject
    SessionAccess access;

    /** Any lab role: the key's owner has lost theirs, or never had one. */
    void requireRole() {
        if (caller.ceiling() == Permission.NONE) {
            throw new ForbiddenException("the owner of this otree-rest-key has no role in the lab");
        }
    }

    void requireResearcher() {
        requireRole();
        if (!caller.isResearcher()) {
            throw new ForbiddenException("only researchers and lab-admins may do this");
        }
    }

    /** The session, if the caller may research it; else 404. */
    ExperimentSession session(String code) {
        requireResearcher();
        return access.find(code).filter(allowed -> allowed.allows(Permission.RESEARCH))
                .map(SessionAccess.Allowed::session)
                .orElseThrow(() -> new NotFoundException("no session with code '" + code + "'"));
    }

    /** For a room's open session: whether the caller may research it. */
    boolean mayResearch(ExperimentSession session) {
        return access.permission(session).allows(Permission.RESEARCH);
    }
}
