package org.ludus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ludus.testkit.LudusApi;
import org.ludus.testkit.LudusIT;

/**
 * Guessing is slowed down (issue 11): after three failures for a user name or from an address, attempts wait
 * a doubling delay, and are not even checked before it is over. Each test comes from loopback addresses of its
 * own (127.0.0.x), so the delays it causes slow down no other test.
 */
class SignInThrottleIT extends LudusIT {

    private URI uri() {
        try {
            return base.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private String host() {
        return uri().getHost() + ":" + uri().getPort();
    }

    private RawHttp.Answer signIn(InetAddress from, String user, String password) {
        RawHttp.Answer form = RawHttp.send(from, uri(), "GET", "/admin/login", host(), List.of(), null);
        String cookie = form.header("Set-Cookie").stream().filter(c -> c.startsWith("ludus_csrf=")).findFirst()
                .orElseThrow().split(";")[0];
        return RawHttp.send(from, uri(), "POST", "/admin/login", host(),
                List.of("Cookie: " + cookie, "Content-Type: application/x-www-form-urlencoded"),
                ("username=" + user + "&password=" + password + "&csrf_token=" + LudusApi.csrfTokenIn(form.body()))
                        .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void fiftyQuickGuessesFromOneAddressAreMostlyNotEvenChecked() {
        InetAddress from = RawHttp.freshAddress();
        var statuses = new ArrayList<Integer>();
        for (int i = 0; i < 50; i++) { // other names each time: the address is what is slowed down
            statuses.add(signIn(from, "guess" + i, "wrong").status());
        }
        assertEquals(List.of(401, 401, 401), statuses.subList(0, 3), statuses.toString());
        assertTrue(statuses.subList(3, 50).stream().allMatch(s -> s == 429), statuses.toString());
        RawHttp.Answer refused = signIn(from, "guess", "wrong");
        assertTrue(refused.body().contains("Too many failed sign-ins"), refused.body());
        assertEquals(1, refused.header("Retry-After").size());
        assertEquals(401, signIn(RawHttp.freshAddress(), "guess", "wrong").status(), "another address and name are checked");
    }

    @Test
    void aNameUnderAttackWaitsEvenWithTheRightPasswordThenSignsIn() {
        String user = System.getProperty("ludus.it.adminUsername");
        String password = System.getProperty("ludus.it.adminPassword");
        for (int i = 0; i < 3; i++) { // from three addresses: what is slowed down is the name
            assertEquals(401, signIn(RawHttp.freshAddress(), user, "wrong" + i).status());
        }
        assertEquals(429, signIn(RawHttp.freshAddress(), user, password).status(), "the right password is not checked yet");
        // the delay (1 s) passes; then the right password signs in, and clears the name's failures
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        int status;
        do {
            status = signIn(RawHttp.freshAddress(), user, password).status();
        } while (status == 429 && Instant.now().isBefore(deadline));
        assertEquals(302, status);
        assertEquals(401, signIn(RawHttp.freshAddress(), user, "wrong again").status(), "a fresh start after the success");
        assertEquals(302, signIn(RawHttp.freshAddress(), user, password).status());
    }

    @Test
    void wrongRestKeysFromOneAddressAreSlowedDownToo() {
        InetAddress from = RawHttp.freshAddress();
        var statuses = new ArrayList<Integer>();
        RawHttp.Answer last = null;
        for (int i = 0; i < 10; i++) {
            last = RawHttp.send(from, uri(), "GET", "/api/session_configs/", host(), List.of("otree-rest-key: guess" + i),
                    null);
            statuses.add(last.status());
        }
        assertEquals(List.of(401, 401, 401), statuses.subList(0, 3), statuses.toString());
        assertTrue(statuses.subList(3, 10).stream().allMatch(s -> s == 429), statuses.toString());
        String message = LudusApi.json(last.body()).getString("message");
        assertTrue(message.contains("too many wrong otree-rest-key"), message);
        String key = "otree-rest-key: " + System.getProperty("ludus.it.restKey");
        assertEquals(429, RawHttp.send(from, uri(), "GET", "/api/session_configs/", host(), List.of(key), null).status(),
                "not even the right key is checked from there yet");
        assertEquals(200, RawHttp.send(RawHttp.freshAddress(), uri(), "GET", "/api/session_configs/", host(), List.of(key), null)
                .status(), "another address is not slowed down");
    }
}
