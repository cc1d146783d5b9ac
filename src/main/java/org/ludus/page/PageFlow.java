package org.ludus.page;

import io.pebbletemplates.pebble.extension.escaper.SafeString;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import org.ludus.Languages;
import org.ludus.live.LiveMethods;
import org.ludus.session.BaseGroup;
import org.ludus.session.BasePlayer;
import org.ludus.session.Participant;

/**
 * Moves participants through their page sequence. The server decides where a participant is: a URL naming
 * another page index redirects to the current one, so pages cannot be skipped or revisited.
 * Lock order, as in the live path: the group row of the participant's current page, then the participant row.
 */
@ApplicationScoped
public class PageFlow {

    public sealed interface Outcome permits Html, Redirect, NotFound, Unavailable {
    }

    public record Html(String body) implements Outcome {
    }

    public record Redirect(String location) implements Outcome {
    }

    public record NotFound() implements Outcome {
    }

    /** The page cannot be shown: its session's app is no longer deployed. The text's key in Ludus's texts. */
    public record Unavailable(String textKey) implements Outcome {
    }

    /** A browser's own timeout submit is believed if it comes at most this much before the server's deadline. */
    static final Duration CLOCK_TOLERANCE = Duration.ofSeconds(2);

    @PersistenceContext
    EntityManager em;

    /** Per language, made once (they depend on Ludus's texts alone): the Next button and the scripts' texts. */
    private final Map<Locale, SafeString> nextButtons = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Locale, SafeString> pageScriptTexts = new java.util.concurrent.ConcurrentHashMap<>();

    @Inject
    PageBeans pageBeans;

    @Inject
    Players players;

    @Inject
    Templates templates;

    @Inject
    Forms forms;

    @Inject
    WaitPages waitPages;

    @Inject
    LiveMethods liveMethods;

    @Inject
    Event<ParticipantMoved> moved;

    public static String pageUrl(String code, int index) {
        return "/p/" + code + "/" + index;
    }

    /** /InitializeParticipant/{code}: the first visit places the participant on their first displayed page. */
    @Transactional
    public Outcome start(String code) {
        Optional<Participant> found = participant(code);
        if (found.isEmpty()) {
            return new NotFound();
        }
        Participant participant = found.get();
        // one statement claims the start, so of two clicks at once only one places the participant: the other
        // waits for the first's row lock, then finds the participant started and is sent to their page
        int claimed = em.createQuery("update Participant p set p.visited = true, p.startedAt = :now"
                        + " where p.id = :id and p.visited = false")
                .setParameter("now", Instant.now()).setParameter("id", participant.getId()).executeUpdate();
        em.refresh(participant);
        if (claimed == 1) {
            moveOn(participant, 0, false);
        }
        return new Redirect(pageUrl(code, participant.getIndexInPages()));
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
        return current(participant).<Outcome>map(page -> new Html(render(participant, page, null, Map.of(), null)))
                .orElseGet(() -> finished(participant));
    }

    /** The Next button (or the page's own timeout): only the page the participant is on can be submitted. */
    @Transactional
    public Outcome submit(String code, int index, Map<String, String[]> form) {
        Optional<Participant> found = participant(code);
        if (found.isEmpty()) {
            return new NotFound();
        }
        Participant participant = found.get();
        Optional<PageRef> current = current(participant);
        if (!participant.isVisited() || index != participant.getIndexInPages() || current.isEmpty()
                || current.get().isWaitPage()) {
            return new Redirect(pageUrl(code, participant.getIndexInPages()));
        }
        PageRef page = current.get();
        lock(participant, page);
        if (index != participant.getIndexInPages()) { // moved meanwhile (timeout, admin)
            return new Redirect(pageUrl(code, participant.getIndexInPages()));
        }
        boolean timeoutHappened = form.containsKey("timeout_happened") && participant.getPageExpiresAt() != null
                && !Instant.now().isBefore(participant.getPageExpiresAt().minus(CLOCK_TOLERANCE));
        @SuppressWarnings({"unchecked", "rawtypes"})
        Page<BasePlayer<?>> bean = (Page) pageBeans.bean(page.pageClass());
        BasePlayer<?> player = players.of(participant, page);
        Object model = bean.formModel() == Page.FormModel.GROUP ? player.getGroup() : player;
        Forms.Submission submission = forms.read(model, bean.formFields(player), form, locale(participant));
        if (!timeoutHappened) {
            if (!submission.valid()) {
                return new Html(render(participant, page, form, submission.errors(), null));
            }
            String refusal = bean.errorMessage(player, submission.values());
            if (refusal != null) {
                return new Html(render(participant, page, form, Map.of(), refusal));
            }
        }
        forms.apply(model, submission.values()); // on a timeout: the valid ones; the rest keep their values
        leave(participant, page, bean, player, timeoutHappened);
        moveOn(participant, index + 1, false);
        return new Redirect(pageUrl(code, participant.getIndexInPages()));
    }

    /** The server's side of a timeout: moves the participant on even if their browser is gone. */
    @Transactional
    public void expire(long participantId, Instant now) {
        Participant participant = em.find(Participant.class, participantId);
        Optional<PageRef> current = current(participant);
        if (current.isEmpty() || participant.getPageExpiresAt() == null) {
            return;
        }
        lock(participant, current.get());
        if (participant.getPageExpiresAt() == null || participant.getPageExpiresAt().isAfter(now)) {
            return; // the browser's own timeout submit was first
        }
        moveOnAsTimedOut(participant, current.get());
    }

    /**
     * The experimenter's "advance": moves the participant past the page they are on as if it had timed out
     * (before_next_page with timeout_happened, then the next displayed page; their browser follows).
     * False if they have not started, have finished, or moved on meanwhile.
     */
    @Transactional
    public boolean advance(long participantId) {
        Participant participant = em.find(Participant.class, participantId);
        if (participant == null || !participant.isVisited()) {
            return false;
        }
        Optional<PageRef> current = current(participant);
        if (current.isEmpty()) {
            return false;
        }
        int index = participant.getIndexInPages();
        lock(participant, current.get());
        if (participant.getIndexInPages() != index) {
            return false;
        }
        moveOnAsTimedOut(participant, current.get());
        return true;
    }

    private void moveOnAsTimedOut(Participant participant, PageRef page) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Page<BasePlayer<?>> bean = (Page) pageBeans.bean(page.pageClass());
        leave(participant, page, bean, players.of(participant, page), true);
        moveOn(participant, page.index() + 1, true);
    }

    /** Locks the group of the page, then the participant, and reloads the participant under the lock. */
    private void lock(Participant participant, PageRef page) {
        long groupId = players.idsOf(participant.getId(), page)[1];
        em.find(page.app().groupClass(), groupId, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(participant, LockModeType.PESSIMISTIC_WRITE);
    }

    private void leave(Participant participant, PageRef page, Page<BasePlayer<?>> bean, BasePlayer<?> player,
            boolean timeoutHappened) {
        bean.beforeNextPage(player, timeoutHappened);
        em.createNamedQuery("PageTime.open", PageTime.class)
                .setParameter("participant", participant.getId())
                .setParameter("index", page.index())
                .getResultStream()
                .forEach(time -> time.complete(Instant.now(), timeoutHappened));
    }

    /**
     * Puts the participant on the first displayed page from {@code from} on. Arriving on a wait page may
     * complete it and move its whole group on. {@code pushed}: tell the participant's open pages to follow.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void moveOn(Participant participant, int from, boolean pushed) {
        PageSequence sequence = pageBeans.sequenceOf(participant.getSession());
        int index = from;
        Page bean = null;
        BasePlayer<?> player = null;
        for (; index < sequence.size(); index++) {
            PageRef page = sequence.at(index).orElseThrow();
            bean = pageBeans.bean(page.pageClass());
            player = players.of(participant, page);
            if (bean.isDisplayed(player)) {
                break;
            }
        }
        Instant now = Instant.now();
        if (index >= sequence.size()) {
            participant.arriveAt(index, now, null);
            announce(participant, pushed);
            return;
        }
        PageRef page = sequence.at(index).orElseThrow();
        Integer timeout = bean.timeoutSeconds(player);
        participant.arriveAt(index, now, timeout == null ? null : now.plusSeconds(timeout));
        em.persist(new PageTime(participant.getSession().getId(), participant.getId(), participant.getCode(), page,
                now));
        announce(participant, pushed);
        if (bean instanceof WaitPage waitPage) {
            for (long released : waitPages.arrive(participant, page, waitPage, player)) {
                // the released players' groups are locked by now (WaitPages), so their rows come next
                Participant other = em.find(Participant.class, released, LockModeType.PESSIMISTIC_WRITE);
                if (other.getIndexInPages() == index) {
                    leave(other, page, waitPage, players.of(other, page), false);
                    moveOn(other, index + 1, true);
                }
            }
        }
    }

    private void announce(Participant participant, boolean pushed) {
        if (pushed) {
            moved.fire(new ParticipantMoved(participant.getCode(), participant.getIndexInPages()));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private String render(Participant participant, PageRef page, Map<String, String[]> form,
            Map<String, String> errors, String errorMessage) {
        Page bean = pageBeans.bean(page.pageClass());
        BasePlayer<?> player = players.of(participant, page);
        BaseGroup group = player.getGroup();
        var context = new HashMap<String, Object>();
        context.put("player", player);
        context.put("group", group);
        context.put("subsession", player.getSubsession());
        context.put("participant", participant);
        context.put("session", participant.getSession());
        context.put("round_number", page.round());
        context.put("page_name", page.name());
        context.put("form_action", pageUrl(participant.getCode(), page.index()));
        Locale locale = locale(participant);
        context.put("next_button", nextButtons.computeIfAbsent(locale,
                l -> new SafeString(templates.render("ludus/NextButton.peb", Map.of(), l).strip())));
        context.put("ludus_texts", pageScriptTexts.computeIfAbsent(locale, PageFlow::scriptTexts));
        // every page has a socket: live pages for their live method, all pages for server pushes
        context.put("live_url", "/live/" + participant.getCode() + "/" + page.index());
        context.put("live_page", liveMethods.hasLiveMethod(page.pageClass()));
        Object model = bean.formModel() == Page.FormModel.GROUP ? group : player;
        List<Forms.FieldView> fields = forms.views(model, bean.formFields(player), form, errors);
        context.put("form_fields", fields);
        context.put("formfields", new SafeString(templates.render("ludus/FormFields.peb",
                Map.of("form_fields", fields), locale)));
        context.put("error_message", errorMessage);
        if (participant.getPageExpiresAt() != null) {
            long left = Duration.between(Instant.now(), participant.getPageExpiresAt()).toMillis();
            context.put("timeout_seconds_left", Math.max(0, left) / 1000.0);
        }
        if (bean instanceof WaitPage waitPage) {
            context.put("wait_title", Objects.requireNonNullElseGet(waitPage.titleText(),
                    () -> Languages.text(locale, "wait.title")));
            context.put("wait_body", Objects.requireNonNullElseGet(waitPage.bodyText(),
                    () -> Languages.text(locale, "wait.body")));
        }
        context.putAll(bean.varsForTemplate(player));
        return templates.render(page.template(bean), context, locale);
    }

    private Html finished(Participant participant) {
        return new Html(templates.render("ludus/Finished.peb", Map.of("participant", participant),
                locale(participant)));
    }

    /** The language the participant's session shows (its own, else the server's). */
    static Locale locale(Participant participant) {
        return participant.getSession().getLocale();
    }

    /**
     * The texts of the bundle's {@code js.*} keys as a JSON object for a {@code <script type="application/json">}
     * ({@code js.time_up} is {@code time_up}); {@code <}, {@code >} and {@code &} as JSON escapes, so no text ends the
     * script.
     */
    static SafeString scriptTexts(Locale locale) {
        ResourceBundle texts = Languages.texts(locale);
        var byName = new java.util.TreeMap<String, String>();
        texts.keySet().stream().filter(key -> key.startsWith("js."))
                .forEach(key -> byName.put(key.substring(3), texts.getString(key)));
        return scriptJson(byName);
    }

    /** Texts as a JSON object that no text can end the script of: {@code <}, {@code >}, {@code &} escaped. */
    static SafeString scriptJson(Map<String, String> texts) {
        var json = jakarta.json.Json.createObjectBuilder();
        texts.forEach(json::add);
        return new SafeString(json.build().toString().replace("<", "\\u003c").replace(">", "\\u003e")
                .replace("&", "\\u0026"));
    }

    private Optional<PageRef> current(Participant participant) {
        return pageBeans.sequenceOf(participant.getSession()).at(participant.getIndexInPages());
    }

    private Optional<Participant> participant(String code) {
        return em.createNamedQuery("Participant.byCode", Participant.class)
                .setParameter("code", code)
                .getResultStream()
                .findFirst();
    }
}
