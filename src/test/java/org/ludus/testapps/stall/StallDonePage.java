package org.ludus.testapps.stall;

import jakarta.enterprise.context.ApplicationScoped;
import org.ludus.page.Page;

@ApplicationScoped
public class StallDonePage extends Page<StallPlayer> {

    @Override
    public String template() {
        return "org/ludus/testapps/flow/Plain.peb";
    }
}
