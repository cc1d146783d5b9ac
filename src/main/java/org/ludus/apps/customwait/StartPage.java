package org.ludus.apps.customwait;

import jakarta.enterprise.context.ApplicationScoped;
import org.ludus.page.Page;

@ApplicationScoped
public class StartPage extends Page<CustomWaitPlayer> {
}
