package org.ludus.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.ludus.lab.AuditLog;
import org.ludus.lab.Caller;
import org.ludus.lab.LabUser;
import org.ludus.lab.LabUsers;
import org.ludus.lab.RestKeys;
import org.ludus.web.ErrorPage;
import org.ludus.web.JsonReply;

/**
 * How a request proves who sent it. Which paths need which role is declared in WEB-INF/web.xml; this only
 * establishes the caller:
 * <ul>
 * <li>/api/…: the header {@code otree-rest-key} (oTree's) when a REST key is configured; else 401 JSON.</li>
 * <li>a login ({@link AdminLoginServlet} calls {@code SecurityContext.authenticate}): the credential goes to
 * the identity stores (today {@link ConfiguredAdminIdentityStore}); the result is kept in the HTTP session.</li>
 * <li>any other request: the HTTP session's login, if any; with university sign-in on
 * ({@link OidcSettings}), the OpenID Connect mechanism ({@link OidcSignIn}); else a protected page without a
 * login is sent to the login form.</li>
 * </ul>
 * Failed sign-ins and wrong REST keys are slowed down ({@link SignInThrottle}). The pages only depend on the
 * role names in {@link Roles}.
 */
// the one mechanism the container uses (an enabled alternative wins over the OpenID Connect mechanism's bean)
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class LudusAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String SIGNED_IN = "ludus.signedIn";
    public static final String REST_KEY_HEADER = "otree-rest-key";
    /** The caller a request with the server's own REST key (LUDUS_REST_KEY) acts as: a lab-admin. */
    public static final String SERVER_KEY = "local:rest-api";
    /** A request attribute: the seconds a sign-in must wait ({@link SignInThrottle}); the form says so. */
    static final String THROTTLED_SECONDS = "ludus.throttledSeconds";
    private static final int TOO_MANY_REQUESTS = 429;

    /**
     * What a login proved, kept in the HTTP session (whose id is renewed at login): the subject, the name to
     * show and the roles; for a sign-in through the provider, the roles are read again on every request
     * ({@link LabUsers#rolesOf}), so a role a lab-admin grants or takes away counts at once.
     */
    public record SignedIn(String subject, String name, Set<String> groups, boolean throughProvider, long atMillis)
            implements Serializable {
    }

    /** A sign-in lasts this long however busy its session is (web.xml's timeout is for an idle one). */
    static final java.time.Duration SIGN_IN_LASTS = java.time.Duration.ofHours(12);
    /**
     * A REST key acts with its owner's roles from the provider for this long after the owner's last sign-in
     * (a key never signs in, so it never learns that the university took a group away); a role granted in
     * Ludus counts as long as it is granted.
     */
    static final java.time.Duration PROVIDER_ROLES_FOR_KEYS = java.time.Duration.ofDays(30);
    /** Local accounts' subjects, apart from any provider's. */
    public static final String LOCAL = "local:";

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    SecuritySettings settings;

    @Inject
    SignInThrottle throttle;

    @Inject
    OidcSettings oidc;

    @Inject
    BeanManager beans;

    @Inject
    LabUsers users;

    @Inject
    RestKeys restKeys;

    @Inject
    AuditLog audit;

    private volatile HttpAuthenticationMechanism delegate;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/api") || path.startsWith("/api/")) {
            return restApi(request, response, context);
        }
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            return login(request, context, credential);
        }
        if (settings.level() == SecuritySettings.AuthLevel.DEV) {
            return context.notifyContainerAboutLogin(LOCAL + "developer", Set.of(Roles.ADMIN, Roles.DEMO, Roles.LAB_ADMIN));
        }
        var session = request.getSession(false);
        if (session != null && session.getAttribute(SIGNED_IN) instanceof SignedIn signedIn
                && System.currentTimeMillis() - signedIn.atMillis() > SIGN_IN_LASTS.toMillis()) {
            session.invalidate(); // over: sign in again (the provider may answer at once, with fresh groups)
            session = null;
        }
        if (session != null && session.getAttribute(SIGNED_IN) instanceof SignedIn signedIn) {
            request.setAttribute(Caller.NAME, signedIn.name());
            return context.notifyContainerAboutLogin(signedIn.subject(), signedIn.throughProvider()
                    ? Roles.withAccess(users.rolesOf(signedIn.subject())) : signedIn.groups());
        }
        if (settings.level() == SecuritySettings.AuthLevel.DEMO && (path.equals("/demo") || path.startsWith("/demo/"))) {
            return context.notifyContainerAboutLogin(LOCAL + "guest", Set.of(Roles.DEMO));
        }
        if (oidc.isEnabled() && !path.equals("/admin/login") && (context.isProtected()
                || path.equals(OidcSignIn.CALLBACK))) {
            // back from the provider, the page first asked for is shown with the provider's (used, one-time)
            // code in its URL: the mechanism signs the session in on that request and no other
            try {
                AuthenticationStatus status = openIdConnect().validateRequest(request, response, context);
                if (status == AuthenticationStatus.SUCCESS && context.getCallerPrincipal() != null) {
                    keepProviderSignIn(request, context.getCallerPrincipal().getName());
                }
                return status;
            } catch (RuntimeException stale) {
                // a reloaded or forged callback (its state is no longer in the session): Soteria throws
                // (NoSuchElementException); start the sign-in again instead of answering 500
                return context.redirect(request.getContextPath() + "/admin/sessions");
            }
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        if ("GET".equals(request.getMethod())) {
            String back = path + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            return context.redirect(request.getContextPath() + "/admin/login?next="
                    + URLEncoder.encode(back, StandardCharsets.UTF_8));
        }
        return context.responseUnauthorized();
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        if (oidc.isEnabled()) {
            openIdConnect().cleanSubject(request, response, context); // ends the provider's session too
        } else {
            HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
        }
    }

    /**
     * Jakarta Security's OpenID Connect mechanism ({@link OidcSignIn}): the other mechanism bean. Looked up by
     * type, not by its class name, which belongs to the implementation.
     */
    private HttpAuthenticationMechanism openIdConnect() {
        HttpAuthenticationMechanism found = delegate;
        if (found == null) {
            Bean<?> bean = beans.getBeans(HttpAuthenticationMechanism.class).stream()
                    .filter(b -> !LudusAuthenticationMechanism.class.isAssignableFrom(b.getBeanClass()))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no OpenID Connect mechanism"));
            found = (HttpAuthenticationMechanism) beans.getReference(bean, HttpAuthenticationMechanism.class,
                    beans.createCreationalContext(bean));
            delegate = found;
        }
        return found;
    }

    /**
     * The provider's sign-in has succeeded ({@link LabRolesIdentityStore} recorded the user): later requests
     * of this HTTP session are answered from it, as for the local login.
     */
    private void keepProviderSignIn(HttpServletRequest request, String subject) {
        String name = users.find(subject).map(LabUser::getName).orElse(subject);
        request.setAttribute(Caller.NAME, name);
        request.changeSessionId(); // no session fixation: the session existed before (Soteria's state is in it)
        CsrfFilter.renew(request.getSession());
        request.getSession().setAttribute(SIGNED_IN, new SignedIn(subject, name, Set.of(), true,
                System.currentTimeMillis()));
    }

    private AuthenticationStatus login(HttpServletRequest request, HttpMessageContext context, Credential credential) {
        String[] keys = {SignInThrottle.user(credential instanceof UsernamePasswordCredential named
                ? named.getCaller() : ""), SignInThrottle.address(request.getRemoteAddr())};
        long wait = throttle.attempt(keys);
        if (wait > 0) { // not even checked: a guess must not learn anything before the delay is over
            request.setAttribute(THROTTLED_SECONDS, wait);
            return AuthenticationStatus.SEND_FAILURE;
        }
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return AuthenticationStatus.SEND_FAILURE; // counted by attempt()
        }
        throttle.succeeded(keys);
        request.getSession(true);
        request.changeSessionId(); // no session fixation: the id from before the login is worthless
        String name = result.getCallerPrincipal().getName();
        String subject = LOCAL + name;
        Set<String> groups = Set.copyOf(result.getCallerGroups());
        request.getSession().setAttribute(SIGNED_IN, new SignedIn(subject, name, groups, false,
                System.currentTimeMillis()));
        request.setAttribute(Caller.NAME, name);
        users.signedIn(subject, name, null, Roles.labRolesIn(groups));
        audit.record(subject, name, AuditLog.SIGN_IN, null, "local login from " + request.getRemoteAddr());
        return context.notifyContainerAboutLogin(subject, groups);
    }

    /**
     * The REST API: the header {@value #REST_KEY_HEADER} holds the server's key (LUDUS_REST_KEY, a lab-admin's, as
     * oTree's) or a researcher's ({@link RestKeys}), which acts as its owner with the owner's roles now.
     */
    private AuthenticationStatus restApi(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String given = request.getHeader(REST_KEY_HEADER);
        if (given == null) {
            if (settings.level() == SecuritySettings.AuthLevel.DEV) {
                return context.notifyContainerAboutLogin(LOCAL + "developer", Set.of(Roles.API, Roles.LAB_ADMIN));
            }
            return unauthorized(request, response, "missing header " + REST_KEY_HEADER);
        }
        // Every key is checked before anything is counted, so a script's parallel calls with a valid key are never
        // slowed down, and a valid key clears nothing (a researcher's own key must not reset the count of someone
        // guessing the server's key from the same address). Only wrong keys count; parallel wrong guesses can all
        // pass the check in one round before the delay applies, then wait as any.
        String key = SignInThrottle.restKeyFrom(request.getRemoteAddr());
        long wait = throttle.secondsToWait(key);
        if (wait > 0) {
            response.setHeader("Retry-After", String.valueOf(wait));
            return refused(request, response, TOO_MANY_REQUESTS, "too many wrong " + REST_KEY_HEADER
                    + " from this address: try again in " + wait + " s");
        }
        if (settings.restKey().isPresent() && Secrets.same(settings.restKey().get(), given)) {
            request.setAttribute(Caller.NAME, "rest-api (LUDUS_REST_KEY)");
            return context.notifyContainerAboutLogin(SERVER_KEY, Set.of(Roles.API, Roles.LAB_ADMIN));
        }
        RestKeys.Use use = restKeys.use(given);
        if (use instanceof RestKeys.Valid valid) {
            Optional<LabUser> owner = users.find(valid.owner());
            var roles = new java.util.HashSet<>(rolesOfKeyOwner(valid.owner(), owner));
            roles.add(Roles.API);
            request.setAttribute(Caller.NAME, owner.map(LabUser::getName).orElse(valid.owner()));
            return context.notifyContainerAboutLogin(valid.owner(), roles);
        }
        throttle.failed(key); // a revoked key counts too: it opens nothing any more
        return unauthorized(request, response, use instanceof RestKeys.Revoked ? "this " + REST_KEY_HEADER
                + " was revoked" : "wrong " + REST_KEY_HEADER);
    }

    /** The lab roles a key acts with: its owner's now ({@link #PROVIDER_ROLES_FOR_KEYS}). */
    private Set<String> rolesOfKeyOwner(String owner, Optional<LabUser> user) {
        if (owner.startsWith(LOCAL)) { // the local admin account, while it is configured
            return settings.adminUsername().filter(name -> owner.equals(LOCAL + name)).isPresent()
                    ? Set.of(Roles.LAB_ADMIN) : Set.of();
        }
        return user.map(found -> found.rolesSince(java.time.Instant.now().minus(PROVIDER_ROLES_FOR_KEYS)))
                .orElse(Set.of());
    }

    /** 401 for the API, as oTree-style JSON with this message. */
    private static AuthenticationStatus unauthorized(HttpServletRequest request, HttpServletResponse response,
            String message) {
        return refused(request, response, HttpServletResponse.SC_UNAUTHORIZED, message);
    }

    private static AuthenticationStatus refused(HttpServletRequest request, HttpServletResponse response, int status,
            String message) {
        request.setAttribute(ErrorPage.REFUSAL_MESSAGE, message);
        // written here, not left to the error page for the status (web.xml): WildFly sends that page for a status
        // a mechanism sets, GlassFish sends an empty body
        try {
            JsonReply.message(response, status, message);
        } catch (java.io.IOException clientGone) {
            response.setStatus(status);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
