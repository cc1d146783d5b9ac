package org.ludus.lab;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.ludus.security.Roles;

/**
 * Who sent this request, as the authentication mechanism established it
 * ({@link org.ludus.security.LudusAuthenticationMechanism}): the subject every record is keyed by, the name to
 * show, and the lab role, which bounds what any session's share can give ({@link SessionAccess}).
 */
@RequestScoped
public class Caller {

    /** A request attribute the mechanism sets: the caller's name to show (the principal is the subject). */
    public static final String NAME = "ludus.callerName";

    @Inject
    HttpServletRequest request;

    /** The subject, or null for an anonymous request. */
    public String subject() {
        return request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName();
    }

    public String name() {
        return request.getAttribute(NAME) instanceof String name ? name : subject();
    }

    public boolean isLabAdmin() {
        return subject() != null && request.isUserInRole(Roles.LAB_ADMIN);
    }

    /** What a lab user owns (an export run, a schedule) is theirs to see and act on, and every lab-admin's. */
    public boolean isOwnerOrLabAdmin(String owner) {
        String subject = subject();
        return subject != null && (subject.equals(owner) || isLabAdmin());
    }

    /** Creates sessions and exports data: researchers and lab-admins. */
    public boolean isResearcher() {
        return isLabAdmin() || subject() != null && request.isUserInRole(Roles.RESEARCHER);
    }

    /** The most any session shared with this caller can give. */
    public Permission ceiling() {
        if (isResearcher()) {
            return Permission.OWN;
        }
        return subject() != null && request.isUserInRole(Roles.ASSISTANT) ? Permission.ASSIST : Permission.NONE;
    }
}
