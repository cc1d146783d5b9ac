package org.ludus.security;

/** The roles the pages and the API are protected by (WEB-INF/web.xml); identity stores grant them. */
public final class Roles {

    /** Runs sessions: the admin pages, /demo. */
    public static final String ADMIN = "admin";
    /** May create demo sessions on /demo: admins, and everyone at auth level DEMO. */
    public static final String DEMO = "demo";
    /** Scripts calling the REST API with the REST key. */
    public static final String API = "api";

    /** A lab's roles (issue 11), from the identity provider's groups ({@link OidcSettings}). */
    public static final String LAB_ADMIN = "lab-admin";
    public static final String RESEARCHER = "researcher";
    public static final String ASSISTANT = "assistant";
    public static final java.util.Set<String> LAB_ROLES = java.util.Set.of(LAB_ADMIN, RESEARCHER, ASSISTANT);

    private Roles() {
    }
}
