package org.ludus.bots;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** What a participant's browser does before a live page opens: follow the start link to the current page. */
public final class Participants {

    private Participants() {
    }

    /** Opens /InitializeParticipant/{code} and returns the page index the server redirects to. */
    public static int start(HttpClient http, URI base, String participantCode) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                    base.resolve("/InitializeParticipant/" + participantCode)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            String location = response.headers().firstValue("Location").orElseThrow(
                    () -> new IllegalStateException("no redirect for " + participantCode + ": " + response.statusCode()));
            return Integer.parseInt(location.substring(location.lastIndexOf('/') + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP client as a browser would be for this: no automatic redirects. */
    public static HttpClient httpClient() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    }
}
