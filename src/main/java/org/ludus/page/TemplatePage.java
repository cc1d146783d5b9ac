package org.ludus.page;

import jakarta.enterprise.context.ApplicationScoped;
import org.ludus.session.BasePlayer;

/**
 * The page behind every template-only page of an app's sequence: oTree's defaults (always shown, no form, no
 * timeout, no live method); its template comes from the sequence entry ({@link AppPage#template()}).
 */
@ApplicationScoped
public class TemplatePage extends Page<BasePlayer<?>> {
}
