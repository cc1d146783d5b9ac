package org.ludus.security;

/** The roles the pages and the API are protected by (WEB-INF/web.xml); identity stores grant them. */
public final class Roles {

    /** Opens the admin pages (web.xml): everyone with a lab role; what they see there depends on which. */
    public static final String ADMIN = "admin";
    /** May create demo sessions on /demo: admins, and everyone at auth level DEMO. */
    public static final String DEMO = "demo";
    /** Scripts calling the REST API with a REST key (the server's, or a researcher's). */
    public static final String API = "api";

    /** A lab's roles (issue 11), from the identity provider's groups ({@link OidcSettings}). */
    public static final String LAB_ADMIN = "lab-admin";
    public static final String RESEARCHER = "researcher";
    public static final String ASSISTANT = "assistant";
    public static final java.util.Set<String> LAB_ROLES = java.util.Set.of(LAB_ADMIN, RESEARCHER, ASSISTANT);

    /** The lab roles among these roles or groups. */
    public static java.util.Set<String> labRolesIn(java.util.Collection<String> groups) {
        return groups.stream().filter(LAB_ROLES::contains).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /**
     * Lab roles and what they open: whoever has one may use the admin pages; researchers and lab-admins also
     * /demo (which creates sessions); nobody else.
     */
    public static java.util.Set<String> withAccess(java.util.Set<String> labRoles) {
        var roles = new java.util.HashSet<>(labRolesIn(labRoles));
        if (!roles.isEmpty()) {
            roles.add(ADMIN);
        }
        if (roles.contains(LAB_ADMIN) || roles.contains(RESEARCHER)) {
            roles.add(DEMO);
        }
        return java.util.Set.copyOf(roles);
    }

    private Roles() {
    }
}
