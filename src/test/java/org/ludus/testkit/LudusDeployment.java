package org.ludus.testkit;

import java.io.File;
import java.net.URI;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one deployment every IT uses: the WAR the build made (so tests run what ships), plus the test apps
 * of org.ludus.testapps (games made to misbehave on purpose).
 */
public final class LudusDeployment {

    private LudusDeployment() {
    }

    /** The test server's address, for tests that deploy and undeploy by themselves. */
    public static URI baseUri() {
        int offset = Integer.parseInt(System.getProperty("ludus.it.portOffset", "0"));
        return URI.create("http://127.0.0.1:" + (8080 + offset) + "/");
    }

    /** The project's WAR as the build made it (ludus.it.war): Ludus's, or an experiment project's. */
    public static WebArchive war() {
        File built = new File(System.getProperty("ludus.it.war", "target/ludus.war"));
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class, built);
        if (Boolean.getBoolean("ludus.it.testapps")) { // Ludus's own ITs: its test apps too
            war.addPackages(true, "org.ludus.testapps")
                    .addAsResource(new File("src/test/resources/org/ludus/testapps"), "org/ludus/testapps");
        }
        return war;
    }
}
