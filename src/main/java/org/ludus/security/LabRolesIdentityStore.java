package org.ludus.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.HashSet;
import java.util.Set;

/**
 * Turns the identity provider's groups into Ludus roles ({@link OidcSettings#rolesOf}); whoever has a lab role
 * may open the admin pages ({@link Roles#ADMIN}). Someone signed in without one has no role: the admin
 * answers 403 with "no access yet".
 */
@ApplicationScoped
public class LabRolesIdentityStore implements IdentityStore {

    @Inject
    OidcSettings oidc;

    @Override
    public Set<String> getCallerGroups(CredentialValidationResult validationResult) {
        Set<String> roles = new HashSet<>(oidc.rolesOf(validationResult.getCallerGroups()));
        if (!roles.isEmpty()) {
            roles.add(Roles.ADMIN);
            roles.add(Roles.DEMO);
        }
        return roles;
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return Set.of(ValidationType.PROVIDE_GROUPS);
    }
}
