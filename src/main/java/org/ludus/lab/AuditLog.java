package org.ludus.lab;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Who signed in, created, shared, advanced, closed or exported what, and when (the lab-admin's page
 * /admin/audit), and the same line in the server log. Written after the action succeeded, in a transaction of its
 * own where none is running.
 */
@ApplicationScoped
public class AuditLog {

    public static final String SIGN_IN = "sign-in";
    public static final String CREATE = "create";
    public static final String SHARE = "share";
    public static final String UNSHARE = "unshare";
    public static final String ADVANCE = "advance";
    public static final String CLOSE = "close";
    public static final String EXPORT = "export";
    public static final String GRANT_ROLE = "grant-role";
    public static final String CREATE_KEY = "create-key";
    public static final String REVOKE_KEY = "revoke-key";
    public static final String BOTS = "bots";

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(AuditLog.class.getName());

    /** The most lines the page shows. */
    static final int PAGE = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    /** By the caller of the current request. */
    @Transactional
    public void record(String action, String sessionCode, String detail) {
        record(caller.subject(), caller.name(), action, sessionCode, detail);
    }

    @Transactional
    public void record(String actor, String actorName, String action, String sessionCode, String detail) {
        var entry = new AuditEntry(actor == null ? "anonymous" : actor, actorName == null ? "anonymous" : actorName,
                action, sessionCode, detail);
        em.persist(entry);
        LOG.info(() -> "audit: " + entry.getActorName() + " (" + entry.getActor() + ") " + action
                + (sessionCode == null ? "" : " session " + sessionCode) + (detail == null ? "" : ": " + entry.getDetail()));
    }

    /** The latest lines first; of one session if a code is given. */
    @Transactional
    public List<AuditEntry> recent(String sessionCode) {
        var query = sessionCode == null ? em.createNamedQuery("AuditEntry.recent", AuditEntry.class)
                : em.createNamedQuery("AuditEntry.ofSession", AuditEntry.class).setParameter("code", sessionCode);
        return query.setMaxResults(PAGE).getResultList();
    }
}
