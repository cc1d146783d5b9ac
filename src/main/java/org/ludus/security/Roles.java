package org.ludus.security;

/** The roles the pages and the API are protected by (WEB-INF/web.xml); identity stores grant them. */
public final class Roles {

    /** Runs sessions: the admin pages, /demo. */
    public static final String ADMIN = "admin";
    /** May create demo sessions on /demo: admins, and everyone at auth level DEMO. */
    public static final String DEMO = "demo";
    /** Scripts calling the REST API with the REST key. */
    public static final String API = "api";

    private Roles() {
    }
}
