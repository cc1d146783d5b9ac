package org.ludus.lab;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ludus.security.Roles;

/** The lab's users ({@link LabUser}): recorded at each sign-in; a lab-admin grants roles on /admin/users. */
@ApplicationScoped
public class LabUsers {

    @PersistenceContext
    EntityManager em;

    /** Records a sign-in; the provider's roles replace those of the last one. */
    @Transactional
    public LabUser signedIn(String subject, String name, String email, Set<String> providerRoles) {
        LabUser user = em.find(LabUser.class, subject);
        Instant now = Instant.now();
        if (user == null) {
            user = new LabUser(subject, now);
            em.persist(user);
        }
        user.signedIn(name == null || name.isBlank() ? subject : name, email, providerRoles, now);
        return user;
    }

    /** The lab roles of a user (provider's and granted); none for someone who never signed in. */
    @Transactional
    public Set<String> rolesOf(String subject) {
        LabUser user = em.find(LabUser.class, subject);
        return user == null ? Set.of() : user.getRoles();
    }

    @Transactional
    public Optional<LabUser> find(String subject) {
        return subject == null ? Optional.empty() : Optional.ofNullable(em.find(LabUser.class, subject));
    }

    @Transactional
    public List<LabUser> all() {
        return em.createNamedQuery("LabUser.all", LabUser.class).getResultList();
    }

    /**
     * Grants a lab role in Ludus (null or "": none) to someone who signed in before.
     * @return false if there is no such user
     * @throws IllegalArgumentException for a word that names no lab role
     */
    @Transactional
    public boolean grant(String subject, String role) {
        String granted = role == null || role.isBlank() ? null : role.strip();
        if (granted != null && !Roles.LAB_ROLES.contains(granted)) {
            throw new IllegalArgumentException("'" + granted + "' is not a lab role: " + Roles.LAB_ROLES);
        }
        LabUser user = subject == null ? null : em.find(LabUser.class, subject);
        if (user == null) {
            return false;
        }
        user.grant(granted);
        return true;
    }
}
