package org.ludus.apps.bargaining;

import jakarta.enterprise.context.ApplicationScoped;
import org.ludus.page.Page;

@ApplicationScoped
public class ResultsPage extends Page<BargainingPlayer> {
}
