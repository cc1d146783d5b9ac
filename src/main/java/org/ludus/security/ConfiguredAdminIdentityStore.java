package org.ludus.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/**
 * The one admin account from the server's configuration (LUDUS_ADMIN_USERNAME / LUDUS_ADMIN_PASSWORD).
 * An SSO setup replaces this store (or the mechanism); the pages only know the role names.
 */
@ApplicationScoped
public class ConfiguredAdminIdentityStore implements IdentityStore {

    @Inject
    SecuritySettings settings;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        if (settings.adminUsername().isEmpty() || settings.adminPassword().isEmpty()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        // both compared, in constant time, so the answer's timing tells nothing about which was wrong
        boolean user = Secrets.same(settings.adminUsername().get(), credential.getCaller());
        boolean password = Secrets.same(settings.adminPassword().get(), credential.getPasswordAsString());
        return user & password
                ? new CredentialValidationResult(credential.getCaller(), Set.of(Roles.ADMIN, Roles.DEMO, Roles.LAB_ADMIN))
                : CredentialValidationResult.INVALID_RESULT;
    }

}
