package org.ludus.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.ludus.Settings;

/**
 * University sign-in through OpenID Connect, from the server's settings (README, "University sign-in"):
 * {@code LUDUS_OIDC_ISSUER} (the provider's issuer URL; without it the local login stays),
 * {@code LUDUS_OIDC_CLIENT_ID}, {@code LUDUS_OIDC_CLIENT_SECRET}, {@code LUDUS_OIDC_ROLES_CLAIM} (default
 * {@code groups}) and {@code LUDUS_OIDC_ROLE_MAP} ({@code lab-admin:econ-admins,researcher:econ-staff}: which of
 * the provider's group names give which Ludus role; a group named as a role gives that role).
 * {@link OidcSignIn}'s annotation reads these through Expression Language, as bean {@code ludusOidc}.
 */
@Named("ludusOidc")
@ApplicationScoped
public class OidcSettings {

    private final Optional<String> issuer = Settings.text("ludus.oidc.issuer", "LUDUS_OIDC_ISSUER");
    private final String clientId = Settings.text("ludus.oidc.client.id", "LUDUS_OIDC_CLIENT_ID").orElse("ludus");
    private final String clientSecret = Settings.text("ludus.oidc.client.secret", "LUDUS_OIDC_CLIENT_SECRET").orElse("");
    private final String rolesClaim = Settings.text("ludus.oidc.roles.claim", "LUDUS_OIDC_ROLES_CLAIM").orElse("groups");
    private final Map<String, Set<String>> roleOfGroup = roleMap(
            Settings.text("ludus.oidc.role.map", "LUDUS_OIDC_ROLE_MAP").orElse(""));

    public boolean isEnabled() {
        return issuer.isPresent();
    }

    /** Never used while sign-in is off: the mechanism behind it is then never asked. */
    public String getIssuer() {
        return issuer.orElse("http://oidc-is-not-configured.invalid");
    }

    public String getClientId() {
        return clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public String getRolesClaim() {
        return rolesClaim;
    }

    /** The Ludus roles of a user with these provider groups. */
    public Set<String> rolesOf(Set<String> groups) {
        return groups.stream().flatMap(group -> {
            Set<String> mapped = roleOfGroup.getOrDefault(group, Set.of());
            return Roles.LAB_ROLES.contains(group) ? java.util.stream.Stream.concat(mapped.stream(),
                    java.util.stream.Stream.of(group)) : mapped.stream();
        }).collect(Collectors.toUnmodifiableSet());
    }

    /** {@code role:group,role:group}; a role not among {@link Roles#LAB_ROLES} stops the deployment. */
    static Map<String, Set<String>> roleMap(String text) {
        var map = new LinkedHashMap<String, Set<String>>();
        for (String pair : Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
            int colon = pair.indexOf(':');
            String role = colon < 0 ? "" : pair.substring(0, colon).strip();
            String group = colon < 0 ? "" : pair.substring(colon + 1).strip();
            if (!Roles.LAB_ROLES.contains(role) || group.isEmpty()) {
                throw new IllegalStateException("LUDUS_OIDC_ROLE_MAP: '" + pair + "' is not role:group with a role of "
                        + Roles.LAB_ROLES);
            }
            map.computeIfAbsent(group, g -> new java.util.HashSet<>()).add(role);
        }
        return Map.copyOf(map);
    }
}
