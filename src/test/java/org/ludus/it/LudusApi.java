package org.ludus.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/** The server as scripts see it: the REST API and the participant URLs, over real HTTP. */
public final class LudusApi {

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    public LudusApi(URI base) {
        this.base = base;
    }

    public URI base() {
        return base;
    }

    /** A created session: its code and its participants' codes in id_in_session order. */
    public record CreatedSession(String code, List<String> participants) {
    }

    public CreatedSession createSession(String config, int participants) {
        return createSession(config, participants, "{}");
    }

    /** {@code modifiedFieldsJson}: a JSON object of session config fields to change. */
    public CreatedSession createSession(String config, int participants, String modifiedFieldsJson) {
        HttpResponse<String> response = post("/api/sessions/", "{\"session_config_name\":\"" + config
                + "\",\"num_participants\":" + participants + ",\"modified_session_config_fields\":"
                + modifiedFieldsJson + "}");
        if (response.statusCode() != 200) {
            throw new AssertionError("creating a session: " + response.statusCode() + " " + response.body());
        }
        JsonObject created = json(response.body());
        JsonObject session = json(get("/api/sessions/" + created.getString("code")).body());
        List<String> codes = session.getJsonArray("participants").getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("code")).toList();
        return new CreatedSession(created.getString("code"), codes);
    }

    /** Opens the participant's start link; returns the page index the server sends them to. */
    public int start(String participantCode) {
        HttpResponse<String> response = get("/InitializeParticipant/" + participantCode);
        return pageIndexOf(response);
    }

    /** Presses Next on the given page; returns the page index the server sends the participant to. */
    public int next(String participantCode, int pageIndex) {
        return pageIndexOf(post("/p/" + participantCode + "/" + pageIndex, ""));
    }

    private static int pageIndexOf(HttpResponse<String> redirect) {
        String location = redirect.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("expected a redirect, got " + redirect.statusCode()));
        return Integer.parseInt(location.substring(location.lastIndexOf('/') + 1));
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET().build());
    }

    public HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", path.startsWith("/api/") ? "application/json"
                        : "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
