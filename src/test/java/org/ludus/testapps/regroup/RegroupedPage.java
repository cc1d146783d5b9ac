package org.ludus.testapps.regroup;

import jakarta.enterprise.context.ApplicationScoped;
import org.ludus.page.Page;

@ApplicationScoped
public class RegroupedPage extends Page<RegroupPlayer> {

    @Override
    public String template() {
        return "org/ludus/testapps/flow/Plain.peb";
    }
}
