package org.ludus.testkit;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.ludus.JsonText;

/**
 * The server as scripts see it: the REST API (with the test server's REST key, unless made without one), the
 * participant URLs and, after {@link #loginAsAdmin()}, the admin pages, over real HTTP with a cookie jar.
 */
public final class LudusApi {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf[-_]token\" (?:content|value)=\"([0-9a-f]+)\"");

    private final URI base;
    private final String restKey;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieManager()).build();
    private String csrfToken;

    /** With the test server's REST key (system property ludus.it.restKey). */
    public LudusApi(URI base) {
        this(base, System.getProperty("ludus.it.restKey"));
    }

    private LudusApi(URI base, String restKey) {
        this.base = base;
        this.restKey = restKey;
    }

    /** Sends no otree-rest-key header. */
    public static LudusApi withoutRestKey(URI base) {
        return new LudusApi(base, null);
    }

    public static LudusApi withRestKey(URI base, String restKey) {
        return new LudusApi(base, restKey);
    }

    /** Signs in with the test server's admin account; later form posts carry the CSRF token. */
    public LudusApi loginAsAdmin() {
        HttpResponse<String> response = login(System.getProperty("ludus.it.adminUsername"),
                System.getProperty("ludus.it.adminPassword"));
        if (response.statusCode() != 302) {
            throw new AssertionError("admin login: " + response.statusCode() + " " + response.body());
        }
        csrfToken = csrfTokenIn(get("/admin/sessions").body());
        return this;
    }

    /** Posts the login form (with the form's CSRF token); a success redirects (302). */
    public HttpResponse<String> login(String username, String password) {
        String token = csrfTokenIn(get("/admin/login").body());
        return postForm("/admin/login", Map.of("csrf_token", token, "username", username, "password", password,
                "next", "/admin/sessions"));
    }

    /** The CSRF token of this client's admin login, or null. */
    public String csrfToken() {
        return csrfToken;
    }

    public static String csrfTokenIn(String html) {
        Matcher matcher = CSRF.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("no CSRF token in the page: " + html);
        }
        return matcher.group(1);
    }

    /** Posts an HTML form; the CSRF token of the admin login is added unless the fields have one. */
    public HttpResponse<String> postForm(String path, Map<String, String> fields) {
        var all = new LinkedHashMap<>(fields);
        if (csrfToken != null) {
            all.putIfAbsent("csrf_token", csrfToken);
        }
        String body = all.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return post(path, body);
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
        return send(withKey(path, HttpRequest.newBuilder(base.resolve(path))).GET().build());
    }

    public HttpResponse<String> post(String path, String json) {
        return send(withKey(path, HttpRequest.newBuilder(base.resolve(path)))
                .header("Content-Type", path.startsWith("/api/") ? "application/json"
                        : "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /**
     * The first {@code count} {@code data:} lines of a Server-Sent Events stream (then it is closed);
     * {@code between} runs after the first one arrived (to cause the next).
     */
    public List<String> eventData(String path, int count, Runnable between) {
        return eventData(path, between, data -> data.size() >= count);
    }

    /**
     * Reads the event stream's data lines, running {@code between} after the first, until {@code enough}
     * holds for what was read (20 s at most): a server that sends on a timer may send an event or two from
     * before {@code between} took effect.
     */
    public List<String> eventData(String path, Runnable between,
            java.util.function.Predicate<List<String>> enough) {
        try {
            HttpResponse<java.util.stream.Stream<String>> response = http.sendAsync(HttpRequest.newBuilder(base.resolve(path))
                    .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines())
                    .get(20, java.util.concurrent.TimeUnit.SECONDS);
            if (response.statusCode() != 200) {
                throw new AssertionError("event stream " + path + ": " + response.statusCode());
            }
            try (var lines = response.body()) {
                var data = new java.util.ArrayList<String>();
                return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    lines.filter(line -> line.startsWith("data:")).takeWhile(line -> {
                        data.add(line.substring("data:".length()).strip());
                        if (data.size() == 1) {
                            between.run();
                        }
                        return !enough.test(data);
                    }).forEach(line -> { });
                    return List.copyOf(data);
                }).get(20, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no event from " + path, e);
        }
    }

    private HttpRequest.Builder withKey(String path, HttpRequest.Builder request) {
        return restKey != null && path.startsWith("/api/") ? request.header("otree-rest-key", restKey) : request;
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
        return JsonText.readObject(text);
    }

    /** Any JSON value: an array (a list route's answer), a number, a string. */
    public static JsonValue jsonValue(String text) {
        return JsonText.readValue(text);
    }
}
