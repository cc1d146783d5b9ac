package org.ludus.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LabUserTest {

    @Test
    void aKeyActsWithTheProvidersRolesOnlyForAWhileAfterTheLastSignIn() {
        Instant now = Instant.parse("2026-12-02T05:00:00Z");
        var user = new LabUser("sub-1", now.minus(Duration.ofDays(40)));
        user.signedIn("alice", "alice@uni.example", Set.of("researcher"), now.minus(Duration.ofDays(31)));
        user.grant("assistant");
        assertEquals(Set.of("assistant", "researcher"), user.getRoles());
        assertEquals(Set.of("assistant"), user.rolesSince(now.minus(Duration.ofDays(30))),
                "a month after the last sign-in, only what Ludus granted");
        assertEquals(Set.of("assistant", "researcher"), user.rolesSince(now.minus(Duration.ofDays(32))));
    }

    @Test
    void aNameLongerThanItsColumnIsCut() {
        var user = new LabUser("sub-2", Instant.now());
        user.signedIn("n".repeat(300), "e".repeat(300), Set.of(), Instant.now());
        assertEquals(255, user.getName().length());
        assertEquals(null, user.getEmail(), "an address that long is no address");
    }
}
