package org.ludus.testapps.flow;

import jakarta.enterprise.context.ApplicationScoped;
import org.ludus.page.Page;

@ApplicationScoped
public class MatchedPage extends Page<MatchingPlayer> {

    @Override
    public String template() {
        return "org/ludus/testapps/flow/Plain.peb";
    }
}
