package org.ludus.ops;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MetricsServletTest {

    @Test
    void loopbackAddressesAreThisMachine() {
        assertTrue(MetricsServlet.fromThisMachine("127.0.0.1"));
        assertTrue(MetricsServlet.fromThisMachine("127.1.2.3"));
        assertTrue(MetricsServlet.fromThisMachine("::1"));
        assertTrue(MetricsServlet.fromThisMachine("0:0:0:0:0:0:0:1"));
    }

    @Test
    void otherAddressesAndNamesAreNot() {
        assertFalse(MetricsServlet.fromThisMachine("10.0.0.7"));
        assertFalse(MetricsServlet.fromThisMachine("192.168.1.20"));
        assertFalse(MetricsServlet.fromThisMachine("2001:db8::1"));
        assertFalse(MetricsServlet.fromThisMachine("localhost")); // a name: not looked up
        assertFalse(MetricsServlet.fromThisMachine(""));
        assertFalse(MetricsServlet.fromThisMachine(null));
    }
}
