package org.ludus.testkit;

import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/**
 * A bot for one participant, playing as a browser does: the start link, the page's live socket, the Next
 * button, over real HTTP and a real WebSocket. It knows the page it is on; every move goes through the
 * server, so the server's refusals and redirects are what the test sees.
 */
public final class Participant implements AutoCloseable {

    private final LudusApi api;
    private final String code;
    private int page = -1;
    private LiveClient live;

    public Participant(LudusApi api, String code) {
        this.api = api;
        this.code = code;
    }

    /** A bot for each participant of the session, in id_in_session order; none has started yet. */
    public static List<Participant> of(LudusApi api, LudusApi.CreatedSession session) {
        return session.participants().stream().map(code -> new Participant(api, code)).toList();
    }

    public String code() {
        return code;
    }

    /** Opens the start link; returns the page index the server puts the participant on. */
    public int start() {
        page = api.start(code);
        return page;
    }

    /** The index of the page the participant is on (as the server last said). */
    public int page() {
        return page;
    }

    /** The live socket of the current page, opened on first use. */
    public LiveClient live() {
        if (live == null) {
            live = LiveClient.connect(api.base(), code, started());
        }
        return live;
    }

    /**
     * The page's state as the page sees it when it opens (its liveState); fails if a frame this bot has not
     * read came before it.
     */
    public JsonValue state() {
        return live().assertNothingBeforeState().get("data");
    }

    /** Sends a live message from the current page; see {@link LiveClient#reply}. */
    public JsonValue reply(Object data) {
        return live().reply(data);
    }

    /** The next live data this page receives (another player's news). */
    public JsonValue nextLive() {
        return live().nextLive();
    }

    /** The current page's HTML. */
    public String html() {
        return api.get("/p/" + code + "/" + started()).body();
    }

    /**
     * Presses Next with the form's fields. Returns the response: a redirect (303) when the server let the
     * participant go on (the bot follows it: its page is the new one, and the old page's socket is closed),
     * the same page re-shown (200) with its error when it refused.
     */
    public HttpResponse<String> submit(Map<String, String> form) {
        HttpResponse<String> response = api.postForm("/p/" + code + "/" + started(), form);
        response.headers().firstValue("Location").ifPresent(location -> {
            page = Integer.parseInt(location.substring(location.lastIndexOf('/') + 1));
            closeSocket();
        });
        return response;
    }

    public HttpResponse<String> submit() {
        return submit(Map.of());
    }

    /** Presses Next and expects to go on; returns the new page's index. */
    public int next() {
        HttpResponse<String> response = submit();
        if (response.statusCode() != 303) {
            throw new AssertionError(code + " could not leave page " + page + ": " + response.statusCode());
        }
        return page;
    }

    private int started() {
        if (page < 0) {
            start();
        }
        return page;
    }

    private void closeSocket() {
        if (live != null) {
            live.close();
            live = null;
        }
    }

    @Override
    public void close() {
        closeSocket();
    }
}
