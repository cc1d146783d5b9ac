package org.ludus.testapps.shapes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.ludus.page.BaseApp;
import org.ludus.session.SessionConfig;

/**
 * The live-pages document's message shapes, one page each, each live method as the document writes it
 * ({@code liveSend('hello world')}, {@code liveSend([4, 5, 6])}, {@code liveSend({'type': 'bid', 'value': 10.5})},
 * the offer/response dict with {@code to}). DocumentShapesIT sends each one.
 */
@ApplicationScoped
public class ShapesApp extends BaseApp<ShapesGroup, ShapesPlayer> {

    @Produces
    static SessionConfig config = SessionConfig.of("shapes", "The document's message shapes (tests only)", 3, "shapes");

    public ShapesApp() {
        super(3, TextPage.class, ListPage.class, TypedPage.class, OfferPage.class);
    }
}
