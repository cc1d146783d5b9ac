package org.ludus.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MessageRateTest {

    private long now = 1_800_000_000_000L;
    private final MessageRate rate = new MessageRate(() -> now);

    private void add(int times) {
        for (int i = 0; i < times; i++) {
            rate.add();
        }
    }

    @Test
    void theMeanOfTheLastTenCompleteSeconds() {
        for (int second = 0; second < 10; second++) {
            add(second + 1); // 1 + 2 + … + 10 = 55
            now += 1000;
        }
        add(1000); // the current second is still counting: not in the mean
        assertEquals(5.5, rate.perSecond());
    }

    @Test
    void secondsThatLeftTheWindowCountNoMore() {
        add(100);
        now += 5_000;
        assertEquals(10.0, rate.perSecond());
        now += 6_000; // 11 s later the slot's second is out of the window, and a new one reuses the slot
        assertEquals(0.0, rate.perSecond());
        add(7);
        now += 1000;
        assertEquals(0.7, rate.perSecond(), 1e-9);
    }

    @Test
    void nothingReceivedIsZero() {
        assertEquals(0.0, rate.perSecond());
    }
}
