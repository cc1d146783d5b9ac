package org.ludus.testkit;

import java.net.URISyntaxException;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the ITs against the deployed WAR share: Arquillian deploys {@link LudusDeployment#war()} for each IT
 * class, and the test gets the server's address.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class LudusIT {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return LudusDeployment.war();
    }

    @ArquillianResource
    protected URL base;

    /** A new client of the server's API (each keeps its own cookies: a new one is a new visitor). */
    protected LudusApi newApi() {
        try {
            return new LudusApi(base.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
