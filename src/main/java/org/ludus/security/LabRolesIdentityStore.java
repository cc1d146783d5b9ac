package org.ludus.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
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

    @Inject
    OpenIdContext openId;

    /**
     * For a sign-in through the provider (only then is its ID token in the session's OpenID context, filled in
     * by the provider's identity store before the group stores are asked): the roles its groups claim maps to.
     */
    @Override
    public Set<String> getCallerGroups(CredentialValidationResult validationResult) {
        if (!oidc.isEnabled() || openId.getIdentityToken() == null) {
            return Set.of();
        }
        Set<String> groups = new HashSet<>(openId.getIdentityToken().getJwtClaims()
                .getArrayStringClaim(oidc.getRolesClaim()));
        groups.addAll(openId.getClaims().getArrayStringClaim(oidc.getRolesClaim()));
        Set<String> roles = new HashSet<>(oidc.rolesOf(groups));
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
