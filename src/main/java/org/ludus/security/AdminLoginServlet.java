package org.ludus.security;

import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.ludus.page.Templates;
import org.ludus.web.PublicUrl;

/** /admin/login shows the login form and signs in through Jakarta Security; /admin/logout signs out. */
@WebServlet({"/admin/login", "/admin/logout", AdminLoginServlet.SIGNED_OUT})
public class AdminLoginServlet extends HttpServlet {

    /** Where the identity provider sends a browser back after a sign-out (not protected: web.xml). */
    static final String SIGNED_OUT = "/admin/signed-out";

    @Inject
    OidcSettings oidc;

    @Inject
    OpenIdContext openId;

    @Inject
    SecurityContext security;

    @Inject
    SecuritySettings settings;

    @Inject
    Templates templates;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("/admin/logout".equals(request.getServletPath())) {
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED, "sign out with the button");
            return;
        }
        if (SIGNED_OUT.equals(request.getServletPath())) {
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write(templates.render("ludus/Error.peb", Map.of("heading", "Signed out",
                    "message", "You are signed out. Sign in again at /admin/.")));
            return;
        }
        if (oidc.isEnabled()) { // the university's sign-in: the provider's login page, then back to the page
            response.sendRedirect(safeNext(request.getParameter("next")));
            return;
        }
        form(request, response, null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("/admin/logout".equals(request.getServletPath())) {
            String providerLogout = oidc.isEnabled() ? providerLogout(request) : null;
            var session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            response.sendRedirect(providerLogout != null ? providerLogout : "/admin/login");
            return;
        }
        String username = request.getParameter("username");
        String password = request.getParameter("password");
        if (username == null || password == null) {
            form(request, response, "Enter the user name and the password.");
            return;
        }
        AuthenticationStatus status = security.authenticate(request, response, AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(username, new Password(password)))
                .newAuthentication(true));
        if (status == AuthenticationStatus.SUCCESS) {
            CsrfFilter.renew(request.getSession());
            response.sendRedirect(safeNext(request.getParameter("next")));
        } else if (request.getAttribute(LudusAuthenticationMechanism.THROTTLED_SECONDS) instanceof Long wait) {
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(wait));
            form(request, response, "Too many failed sign-ins. Try again in " + wait + " s.");
        } else {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            form(request, response, "Wrong user name or password.");
        }
    }

    private void form(HttpServletRequest request, HttpServletResponse response, String error) throws IOException {
        var context = new HashMap<String, Object>();
        context.put("csrf_token", request.getAttribute(CsrfFilter.FIELD)); // no server session before a login
        context.put("next", safeNext(request.getParameter("next")));
        context.put("error", error);
        context.put("configured", settings.adminUsername().isPresent() && settings.adminPassword().isPresent());
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(templates.render("ludus/admin/Login.peb", Map.copyOf(withoutNulls(context))));
    }

    /**
     * The provider's end-of-session address for this user (OpenID Connect RP-initiated logout), which sends the
     * browser back to {@value #SIGNED_OUT}; null without a provider session. Built here because the mechanism's
     * own (LogoutDefinition.notifyProvider) redirects to a broken address in WildFly 39's Soteria 3.2.0.
     */
    private String providerLogout(HttpServletRequest request) {
        if (request.getSession(false) == null || openId.getIdentityToken() == null
                || !(openId.getProviderMetadata().get("end_session_endpoint") instanceof JsonString endSession)) {
            return null;
        }
        return endSession.getString() + "?client_id=" + encoded(oidc.getClientId())
                + "&id_token_hint=" + encoded(openId.getIdentityToken().getToken())
                + "&post_logout_redirect_uri=" + encoded(PublicUrl.of(request, SIGNED_OUT));
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /**
     * Only a path on this server: a login must not become an open redirect to another site. Printable ASCII
     * without a backslash only: a browser drops tabs and line breaks from a URL, so "/\t/evil.example" would
     * become "//evil.example", another host.
     */
    static String safeNext(String next) {
        return next != null && SAFE_PATH.matcher(next).matches() && !next.startsWith("//") ? next : "/admin/sessions";
    }

    private static final java.util.regex.Pattern SAFE_PATH = java.util.regex.Pattern.compile("/[!-\\[\\]-~]*");

    private static Map<String, Object> withoutNulls(Map<String, Object> map) {
        map.values().removeIf(v -> v == null);
        return map;
    }
}
