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
import java.util.Set;
import org.ludus.web.ErrorPage;

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
    /** A request attribute: the seconds a sign-in must wait ({@link SignInThrottle}); the form says so. */
    static final String THROTTLED_SECONDS = "ludus.throttledSeconds";
    private static final int TOO_MANY_REQUESTS = 429;

    /** What a login proved, kept in the HTTP session (whose id is renewed at login). */
    public record SignedIn(String name, Set<String> groups) implements Serializable {
    }

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
            return context.notifyContainerAboutLogin("developer", Set.of(Roles.ADMIN, Roles.DEMO));
        }
        var session = request.getSession(false);
        if (session != null && session.getAttribute(SIGNED_IN) instanceof SignedIn signedIn) {
            return context.notifyContainerAboutLogin(signedIn.name(), signedIn.groups());
        }
        if (settings.level() == SecuritySettings.AuthLevel.DEMO && (path.equals("/demo") || path.startsWith("/demo/"))) {
            return context.notifyContainerAboutLogin("guest", Set.of(Roles.DEMO));
        }
        if (oidc.isEnabled() && !path.equals("/admin/login") && (context.isProtected()
                || path.equals(OidcSignIn.CALLBACK))) {
            // back from the provider, the page first asked for is shown with the provider's (used, one-time)
            // code in its URL: the mechanism signs the session in on that request and no other
            try {
                return openIdConnect().validateRequest(request, response, context);
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

    private AuthenticationStatus login(HttpServletRequest request, HttpMessageContext context, Credential credential) {
        String[] keys = {SignInThrottle.user(credential instanceof UsernamePasswordCredential named
                ? named.getCaller() : ""), SignInThrottle.address(request.getRemoteAddr())};
        long wait = throttle.secondsToWait(keys);
        if (wait > 0) { // not even checked: a guess must not learn anything before the delay is over
            request.setAttribute(THROTTLED_SECONDS, wait);
            return AuthenticationStatus.SEND_FAILURE;
        }
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            throttle.failed(keys);
            return AuthenticationStatus.SEND_FAILURE;
        }
        throttle.succeeded(keys);
        request.getSession(true);
        request.changeSessionId(); // no session fixation: the id from before the login is worthless
        request.getSession().setAttribute(SIGNED_IN,
                new SignedIn(result.getCallerPrincipal().getName(), Set.copyOf(result.getCallerGroups())));
        return context.notifyContainerAboutLogin(result);
    }

    private AuthenticationStatus restApi(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        if (settings.restKey().isPresent()) {
            String given = request.getHeader(REST_KEY_HEADER);
            String key = SignInThrottle.restKeyFrom(request.getRemoteAddr());
            if (given != null) {
                long wait = throttle.secondsToWait(key);
                if (wait > 0) {
                    response.setHeader("Retry-After", String.valueOf(wait));
                    return refused(request, response, TOO_MANY_REQUESTS, "too many wrong " + REST_KEY_HEADER
                            + " from this address: try again in " + wait + " s");
                }
                if (Secrets.same(settings.restKey().get(), given)) {
                    throttle.succeeded(key);
                    return context.notifyContainerAboutLogin("rest-api", Set.of(Roles.API));
                }
                throttle.failed(key);
            }
            return unauthorized(request, response, given == null ? "missing header " + REST_KEY_HEADER
                    : "wrong " + REST_KEY_HEADER);
        }
        if (settings.level() == SecuritySettings.AuthLevel.DEV) {
            return context.notifyContainerAboutLogin("developer", Set.of(Roles.API));
        }
        return unauthorized(request, response, "the REST API is closed: the server has no REST key (LUDUS_REST_KEY)");
    }

    /**
     * 401 for the API: the container then sends its error page for 401 ({@link org.ludus.web.ErrorPage}, web.xml),
     * which writes oTree-style JSON with this message.
     */
    private static AuthenticationStatus unauthorized(HttpServletRequest request, HttpServletResponse response,
            String message) {
        return refused(request, response, HttpServletResponse.SC_UNAUTHORIZED, message);
    }

    private static AuthenticationStatus refused(HttpServletRequest request, HttpServletResponse response, int status,
            String message) {
        request.setAttribute(ErrorPage.REFUSAL_MESSAGE, message);
        response.setStatus(status);
        return AuthenticationStatus.SEND_FAILURE;
    }
}
