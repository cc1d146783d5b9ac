package org.ludus.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.security.enterprise.identitystore.openid.JwtClaims;
import java.util.HashSet;
import java.util.Set;
import org.ludus.lab.AuditLog;
import org.ludus.lab.LabUser;
import org.ludus.lab.LabUsers;

/**
 * Turns the identity provider's groups into Ludus roles ({@link OidcSettings#rolesOf}), adds a role granted in
 * Ludus, and records the sign-in; whoever has a lab role may open the admin pages ({@link Roles#withAccess}).
 * Someone signed in without one has no role: the admin answers 403 with "no access yet".
 */
@ApplicationScoped
public class LabRolesIdentityStore implements IdentityStore {

    @Inject
    OidcSettings oidc;

    @Inject
    OpenIdContext openId;

    @Inject
    LabUsers users;

    @Inject
    AuditLog audit;

    /**
     * For a sign-in through the provider (only then is its ID token in the session's OpenID context, filled in
     * by the provider's identity store before the group stores are asked): records the sign-in
     * ({@link LabUsers}), with the lab roles the groups claim maps to, and gives those and any granted in Ludus.
     */
    @Override
    public Set<String> getCallerGroups(CredentialValidationResult validationResult) {
        if (!oidc.isEnabled() || openId.getIdentityToken() == null) {
            return Set.of();
        }
        JwtClaims token = openId.getIdentityToken().getJwtClaims();
        Set<String> groups = new HashSet<>(token.getArrayStringClaim(oidc.getRolesClaim()));
        groups.addAll(openId.getClaims().getArrayStringClaim(oidc.getRolesClaim()));
        String subject = validationResult.getCallerPrincipal().getName();
        String name = token.getStringClaim("preferred_username").or(() -> token.getStringClaim("name"))
                .or(() -> token.getStringClaim("email")).orElse(subject);
        LabUser user = users.signedIn(subject, name, token.getStringClaim("email").orElse(null), oidc.rolesOf(groups));
        audit.record(subject, name, AuditLog.SIGN_IN, null, "through " + oidc.getIssuer() + ", roles "
                + user.getRoles());
        return Roles.withAccess(user.getRoles());
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return Set.of(ValidationType.PROVIDE_GROUPS);
    }
}
