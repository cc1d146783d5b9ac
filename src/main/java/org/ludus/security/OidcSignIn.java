package org.ludus.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.ClaimsDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.LogoutDefinition;

/**
 * Jakarta Security's own OpenID Connect mechanism (Soteria in WildFly), configured from {@link OidcSettings}.
 * {@link LudusAuthenticationMechanism} hands it every request but the REST API's when sign-in is on: it sends
 * a browser to the provider, takes the code back at {@value #CALLBACK} and keeps the tokens in the HTTP
 * session. (WildFly's elytron-oidc-client would need no code, but any authentication mechanism of the WAR's
 * own turns it off, and the REST key needs one: decision 0014.)
 */
@OpenIdAuthenticationMechanismDefinition(
        providerURI = "${ludusOidc.issuer}",
        clientId = "${ludusOidc.clientId}",
        clientSecret = "${ludusOidc.clientSecret}",
        redirectURI = "${baseURL}" + OidcSignIn.CALLBACK,
        redirectToOriginalResource = true,
        scope = {"openid", "email", "profile"},
        // no groups claim for the mechanism itself: it would give the provider's group names as they are
        // (a group called "admin" would open the admin); LabRolesIdentityStore reads and maps the claim
        // the caller is the provider's subject, which never changes (a user name can); the name shown is read
        // from the token by LabRolesIdentityStore
        claimsDefinition = @ClaimsDefinition(callerNameClaim = "sub",
                callerGroupsClaim = "ludus-no-such-claim"),
        // the provider's session is ended by AdminLoginServlet (notifyProvider's redirect is broken in Soteria 3.2.0)
        logout = @LogoutDefinition(notifyProvider = false))
@ApplicationScoped
public class OidcSignIn {

    static final String CALLBACK = "/oidc/callback";
}
