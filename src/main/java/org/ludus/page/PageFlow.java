package org.ludus.page;

import io.pebbletemplates.pebble.extension.escaper.SafeString;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.ludus.live.LiveMethods;
import org.ludus.session.BasePlayer;
import org.ludus.session.Participant;

/**
 * Moves participants through their page sequence. The server decides where a participant is: a URL naming
 * another page index redirects to the current one, so pages cannot be skipped or revisited.
 */
@ApplicationScoped
public class PageFlow {

    public sealed interface Outcome permits Html, Redirect, NotFound {
    }

    public record Html(String body) implements Outcome {
    }

    public record Redirect(String location) implements Outcome {
    }

    public record NotFound() implements Outcome {
    }

    private static final SafeString NEXT_BUTTON =
            new SafeString("<button class=\"next-button\" type=\"submit\">Next</button>");

    @PersistenceContext
    EntityManager em;

    @Inject
    PageBeans pageBeans;

    @Inject
    Players players;

    @Inject
    Templates templates;

    @Inject
    LiveMethods liveMethods;

    public static String pageUrl(String code, int index) {
        return "/p/" + code + "/" + index;
    }

    /** /InitializeParticipant/{code}: the first visit places the participant on their first displayed page. */
    @Transactional
    public Outcome start(String code) {
        return participant(code).<Outcome>map(participant -> {
            if (!participant.isVisited()) {
                participant.setVisited(true);
                participant.setIndexInPages(firstDisplayedFrom(participant, 0));
            }
            return new Redirect(pageUrl(code, participant.getIndexInPages()));
        }).orElseGet(NotFound::new);
    }

    @Transactional
    public Outcome show(String code, int index) {
        Optional<Participant> found = participant(code);
        if (found.isEmpty()) {
            return new NotFound();
        }
        Participant participant = found.get();
        if (!participant.isVisited()) {
            return new Redirect("/InitializeParticipant/" + code);
        }
        if (index != participant.getIndexInPages()) {
            return new Redirect(pageUrl(code, participant.getIndexInPages()));
        }
        PageSequence sequence = pageBeans.sequenceOf(participant.getSession());
        Optional<PageRef> page = sequence.at(index);
        if (page.isEmpty()) {
            return new Html(templates.render("ludus/Finished.peb", Map.of("participant", participant)));
        }
        return new Html(render(participant, page.get()));
    }

    /** The Next button: only the page the participant is on can be submitted. */
    @Transactional
    public Outcome submit(String code, int index) {
        return participant(code).<Outcome>map(participant -> {
            if (participant.isVisited() && index == participant.getIndexInPages()) {
                participant.setIndexInPages(firstDisplayedFrom(participant, index + 1));
            }
            return new Redirect(pageUrl(code, participant.getIndexInPages()));
        }).orElseGet(NotFound::new);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private String render(Participant participant, PageRef page) {
        Page bean = pageBeans.bean(page.pageClass());
        BasePlayer<?> player = players.of(participant, page);
        var context = new HashMap<String, Object>();
        context.put("player", player);
        context.put("group", player.getGroup());
        context.put("subsession", player.getSubsession());
        context.put("participant", participant);
        context.put("session", participant.getSession());
        context.put("round_number", page.round());
        context.put("page_name", page.name());
        context.put("form_action", pageUrl(participant.getCode(), page.index()));
        context.put("next_button", NEXT_BUTTON);
        if (liveMethods.hasLiveMethod(page.pageClass())) {
            context.put("live_url", "/live/" + participant.getCode() + "/" + page.index());
        }
        context.putAll(bean.varsForTemplate(player));
        return templates.render(bean.template(), context);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private int firstDisplayedFrom(Participant participant, int from) {
        PageSequence sequence = pageBeans.sequenceOf(participant.getSession());
        int index = from;
        for (; index < sequence.size(); index++) {
            PageRef page = sequence.at(index).orElseThrow();
            Page bean = pageBeans.bean(page.pageClass());
            if (bean.isDisplayed(players.of(participant, page))) {
                break;
            }
        }
        return index;
    }

    private Optional<Participant> participant(String code) {
        return em.createNamedQuery("Participant.byCode", Participant.class)
                .setParameter("code", code)
                .getResultStream()
                .findFirst();
    }
}
