package org.ludus.lab;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Someone who has signed in at least once, keyed by the identity provider's subject (its {@code sub} claim; the
 * user name for the local login). The roles the provider gave at the last sign-in, and one a lab-admin granted
 * here: the user has both.
 */
@Entity
@Table(name = "ludus_lab_user")
@NamedQuery(name = "LabUser.all", query = "select u from LabUser u order by lower(u.name), u.subject")
public class LabUser {

    @Id
    @Column(length = 255)
    private String subject;

    @Column(nullable = false)
    private String name;

    private String email;

    /** The lab roles from the provider's groups claim at the last sign-in, comma-separated. */
    @Column(name = "provider_roles", nullable = false)
    private String providerRoles = "";

    /** A lab role a lab-admin granted in Ludus, or null. */
    @Column(name = "granted_role", length = 32)
    private String grantedRole;

    @Column(name = "first_sign_in", nullable = false)
    private Instant firstSignIn;

    @Column(name = "last_sign_in", nullable = false)
    private Instant lastSignIn;

    protected LabUser() {
    }

    LabUser(String subject, Instant now) {
        this.subject = subject;
        this.name = subject;
        this.firstSignIn = now;
        this.lastSignIn = now;
    }

    void signedIn(String name, String email, Set<String> providerRoles, Instant at) {
        this.name = name.length() > 255 ? name.substring(0, 255) : name;
        this.email = email == null || email.length() <= 255 ? email : null;
        this.providerRoles = String.join(",", new TreeSet<>(providerRoles));
        this.lastSignIn = at;
    }

    public String getSubject() {
        return subject;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public Set<String> getProviderRoles() {
        return providerRoles.isEmpty() ? Set.of()
                : Arrays.stream(providerRoles.split(",")).collect(Collectors.toCollection(TreeSet::new));
    }

    public String getGrantedRole() {
        return grantedRole;
    }

    void grant(String role) {
        this.grantedRole = role;
    }

    /** Every lab role the user has: the provider's and the granted one. */
    public Set<String> getRoles() {
        var roles = new TreeSet<>(getProviderRoles());
        if (grantedRole != null) {
            roles.add(grantedRole);
        }
        return roles;
    }

    /** The roles a REST key of this user acts with: the provider's only if the last sign-in is after {@code since}. */
    public Set<String> rolesSince(Instant since) {
        var roles = new TreeSet<String>(lastSignIn.isAfter(since) ? getProviderRoles() : Set.of());
        if (grantedRole != null) {
            roles.add(grantedRole);
        }
        return roles;
    }

    public Instant getFirstSignIn() {
        return firstSignIn;
    }

    public Instant getLastSignIn() {
        return lastSignIn;
    }
}
