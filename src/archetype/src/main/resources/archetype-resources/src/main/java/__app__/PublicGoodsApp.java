package ${package}.${app};

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.ludus.page.BaseApp;
import org.ludus.session.SessionConfig;

/** A public goods game for groups of three, with live contributions; the app's name is its package's last part. */
@ApplicationScoped
public class PublicGoodsApp extends BaseApp<PublicGoodsGroup, PublicGoodsPlayer> {

    @Produces
    static SessionConfig config = SessionConfig.of("${app}", "Public goods (live contributions)", 3, "${app}")
            .withCustom("endowment", 100, 1, 10_000);

    public PublicGoodsApp() {
        super(3, ContributePage.class, "ResultsPage");
    }
}
