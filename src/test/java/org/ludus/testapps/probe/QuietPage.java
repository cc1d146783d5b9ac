package org.ludus.testapps.probe;

import jakarta.enterprise.context.ApplicationScoped;
import org.ludus.page.Page;

/** A page without a live method, after the live page. */
@ApplicationScoped
public class QuietPage extends Page<ProbePlayer> {

    @Override
    public String template() {
        return "org/ludus/testapps/probe/ProbePage.peb";
    }
}
