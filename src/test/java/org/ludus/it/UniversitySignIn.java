package org.ludus.it;

import java.net.URI;

/**
 * Keycloak (the realms of src/test/resources/keycloak) and a second server of ours signing in through it, with
 * the lab's role map; for the ITs of university sign-in. {@link #stop} ends both.
 */
final class UniversitySignIn {

    private final Keycloak keycloak;
    private final SecondServer server;

    private UniversitySignIn(Keycloak keycloak, SecondServer server) {
        this.keycloak = keycloak;
        this.server = server;
    }

    static UniversitySignIn start(String serverName) throws Exception {
        Keycloak keycloak = new Keycloak().start();
        SecondServer server = new SecondServer(serverName).prepare();
        var started = new UniversitySignIn(keycloak, server);
        try {
            server.start("-Dludus.oidc.issuer=" + Keycloak.issuer(), "-Dludus.oidc.client.id=" + Keycloak.CLIENT_ID,
                    "-Dludus.oidc.client.secret=" + Keycloak.CLIENT_SECRET,
                    "-Dludus.oidc.role.map=lab-admin:econ-admins,researcher:econ-staff");
        } catch (Exception | Error failed) {
            started.stop();
            throw failed;
        }
        return started;
    }

    /** The server on localhost, the name the provider's redirect URIs are registered for. */
    URI ludus() {
        return URI.create("http://localhost:" + server.base().getPort() + "/");
    }

    SecondServer server() {
        return server;
    }

    void stop() throws Exception {
        try {
            server.stop();
        } finally {
            keycloak.stop();
        }
    }
}
