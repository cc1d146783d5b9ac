package org.ludus.it;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A user signed in to a Ludus server through Keycloak's own login form, over plain HTTP (no browser): it asks
 * for an admin page, is sent to the provider, posts the user name and password to the form Keycloak serves,
 * and follows the redirects back. Its cookies (per host and port, whatever their Secure flag: the servers run
 * on http://localhost) then make it that user for the admin pages; {@link #csrfToken} is the token their
 * forms carry. Nothing is followed automatically after the sign-in, so a test sees each answer's own status.
 */
final class ProviderSignIn {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, Map<String, String>> cookies = new java.util.concurrent.ConcurrentHashMap<>();
    private final URI ludus;
    private String csrfToken;
    private String sessionIdBeforeSignIn;

    private ProviderSignIn(URI ludus) {
        this.ludus = ludus;
    }

    /** Nobody signed in: the same client, without cookies. */
    static ProviderSignIn anonymous(URI ludus) {
        return new ProviderSignIn(ludus);
    }

    /** Signs in as this Keycloak user; its landing page is /admin/sessions (or a 403 for a user without role). */
    static ProviderSignIn as(URI ludus, String user, String password) throws Exception {
        var client = new ProviderSignIn(ludus);
        HttpResponse<String> page = client.follow(client.get("/admin/sessions"));
        client.sessionIdBeforeSignIn = client.cookie("JSESSIONID");
        Matcher form = LOGIN_FORM.matcher(page.body());
        if (!page.uri().toString().startsWith(Keycloak.base().toString()) || !form.find()) {
            throw new AssertionError("no Keycloak login form at " + page.uri() + ": " + page.body());
        }
        URI action = URI.create(form.group(1).replace("&amp;", "&"));
        HttpResponse<String> back = client.follow(client.send(HttpRequest.newBuilder(action)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", user, "password", password,
                        "credentialId", "")))).build()));
        if (!back.uri().toString().startsWith(ludus.toString())) {
            throw new AssertionError(user + " did not come back to Ludus: " + back.uri() + " " + back.body());
        }
        client.readCsrfToken(back.body());
        return client;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(ludus.resolve(path)).GET().build());
    }

    /** A form post as the admin pages send it: with the page's CSRF token and this server as Origin. */
    HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
        var withToken = new LinkedHashMap<>(fields);
        if (csrfToken != null) {
            withToken.put("csrf_token", csrfToken);
        }
        return send(HttpRequest.newBuilder(ludus.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", ludus.getScheme() + "://" + ludus.getAuthority())
                .POST(HttpRequest.BodyPublishers.ofString(form(withToken))).build());
    }

    /** Just the status of a response that may never end (an event stream): read the headers, then let go. */
    int statusOfStream(String path) throws IOException, InterruptedException {
        HttpResponse<java.io.InputStream> response = http.send(withCookies(HttpRequest.newBuilder(ludus.resolve(path))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(20)).GET()),
                HttpResponse.BodyHandlers.ofInputStream());
        keepCookies(response.uri(), response.headers());
        response.body().close();
        return response.statusCode();
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).timeout(Duration.ofSeconds(30))
                .method(request.method(), request.bodyPublisher().orElse(HttpRequest.BodyPublishers.noBody()));
        request.headers().map().forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
        HttpResponse<String> response = http.send(withCookies(builder), HttpResponse.BodyHandlers.ofString());
        keepCookies(response.uri(), response.headers());
        String token = response.body() == null ? null : matchOrNull(CSRF, response.body());
        if (token != null) {
            csrfToken = token;
        }
        return response;
    }

    String csrfToken() {
        return csrfToken;
    }

    /** The Ludus cookie of that name, or null. */
    String cookie(String name) {
        return cookies.getOrDefault(ludus.getAuthority(), Map.of()).get(name);
    }

    /** Ludus's session id while the browser was on its way to the provider. */
    String sessionIdBeforeSignIn() {
        return sessionIdBeforeSignIn;
    }

    private HttpResponse<String> follow(HttpResponse<String> response) throws IOException, InterruptedException {
        for (int hops = 0; hops < 20 && response.statusCode() / 100 == 3; hops++) {
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            response = send(HttpRequest.newBuilder(next).GET().build());
        }
        return response;
    }

    private void readCsrfToken(String page) {
        String token = matchOrNull(CSRF, page);
        if (token != null) {
            csrfToken = token;
        }
    }

    private HttpRequest withCookies(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        Map<String, String> jar = cookies.get(request.uri().getAuthority());
        if (jar == null || jar.isEmpty()) {
            return request;
        }
        return builder.header("Cookie", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "))).build();
    }

    private void keepCookies(URI uri, HttpHeaders headers) {
        for (String header : headers.allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int equals = pair.indexOf('=');
            if (equals > 0) {
                var jar = cookies.computeIfAbsent(uri.getAuthority(), a -> new java.util.concurrent.ConcurrentHashMap<>());
                String name = pair.substring(0, equals).strip();
                String value = pair.substring(equals + 1).strip();
                boolean expired = header.toLowerCase().contains("max-age=0") || value.isEmpty();
                if (expired) {
                    jar.remove(name);
                } else {
                    jar.put(name, value);
                }
            }
        }
    }

    private static String matchOrNull(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /** Every match's first and second group. */
    static List<Map.Entry<String, String>> allPairs(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        var found = new java.util.ArrayList<Map.Entry<String, String>>();
        while (matcher.find()) {
            found.add(Map.entry(matcher.group(1), matcher.group(2)));
        }
        return found;
    }
}
