package org.ludus.export.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WhenTest {

    @Test
    void aCronFiresInItsTimeZoneAcrossDaylightSaving() {
        When nightly = When.of("0 2 * * *", "Europe/Berlin", null);
        // winter: 02:00 in Berlin is 01:00 UTC
        assertEquals(Instant.parse("2026-12-03T01:00:00Z"), nightly.next(Instant.parse("2026-12-02T09:00:00Z")));
        // summer: 00:00 UTC
        assertEquals(Instant.parse("2026-07-02T00:00:00Z"), nightly.next(Instant.parse("2026-07-01T09:00:00Z")));
        When utc = When.of("30 6 * * 1", null, null); // Mondays 06:30, UTC when no zone is given
        assertEquals(Instant.parse("2026-12-07T06:30:00Z"), utc.next(Instant.parse("2026-12-02T09:00:00Z")));
    }

    @Test
    void sixFieldsHaveSecondsFirst() {
        When everyTwoSeconds = When.of("*/2 * * * * *", "UTC", null);
        assertEquals(Instant.parse("2026-12-02T09:00:02Z"), everyTwoSeconds.next(Instant.parse("2026-12-02T09:00:00.500Z")));
    }

    @Test
    void everyNMinutesFiresOnTheClocksMultiples() {
        When quarter = When.of(null, null, 15);
        assertEquals(Instant.parse("2026-12-02T09:15:00Z"), quarter.next(Instant.parse("2026-12-02T09:00:00Z")));
        assertEquals(Instant.parse("2026-12-02T09:15:00Z"), quarter.next(Instant.parse("2026-12-02T09:14:59.999Z")));
    }

    @Test
    void badWhensAreRefusedNamingTheField() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> When.of("61 * * * *", null, null))
                .getMessage().startsWith("cron:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> When.of("every night", null, null))
                .getMessage().startsWith("cron:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> When.of("0 2 * * *", "Mars/Olympus", null))
                .getMessage().startsWith("time_zone:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> When.of(null, null, 0))
                .getMessage().startsWith("every_minutes:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> When.of("0 2 * * *", null, 5))
                .getMessage().startsWith("when:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> When.of(null, null, null))
                .getMessage().startsWith("when:"));
    }

    @Test
    void aMissedFiringRunsOnceOrIsSkippedAsTheScheduleSays() {
        Instant now = Instant.parse("2026-12-02T09:00:00Z");
        assertEquals(When.Decision.RUN, When.decide(now.minusSeconds(5), now, false), "late, not missed");
        assertEquals(When.Decision.RUN, When.decide(now.minusSeconds(3600), now, true));
        assertEquals(When.Decision.SKIP_MISSED, When.decide(now.minusSeconds(3600), now, false));
    }
}
