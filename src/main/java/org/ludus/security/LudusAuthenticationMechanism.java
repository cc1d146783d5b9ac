package org.ludus.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
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
 * <li>any other request: the HTTP session's login, if any; a protected page without one is sent to the login.</li>
 * </ul>
 * An OIDC/SSO mechanism can take this class's place; the pages only depend on the role names in {@link Roles}.
 */
@ApplicationScoped
public class LudusAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String SIGNED_IN = "ludus.signedIn";
    public static final String REST_KEY_HEADER = "otree-rest-key";

    /** What a login proved, kept in the HTTP session (whose id is renewed at login). */
    public record SignedIn(String name, Set<String> groups) implements Serializable {
    }

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    SecuritySettings settings;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
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

    private AuthenticationStatus login(HttpServletRequest request, HttpMessageContext context, Credential credential) {
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return AuthenticationStatus.SEND_FAILURE;
        }
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
            if (given != null && ConfiguredAdminIdentityStore.same(settings.restKey().get(), given)) {
                return context.notifyContainerAboutLogin("rest-api", Set.of(Roles.API));
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
        request.setAttribute(ErrorPage.UNAUTHORIZED_MESSAGE, message);
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        return AuthenticationStatus.SEND_FAILURE;
    }
}
