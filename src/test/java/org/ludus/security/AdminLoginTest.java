package org.ludus.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AdminLoginTest {

    @Test
    void afterLoginOnlyLocalPathsAreFollowed() {
        assertEquals("/admin/session/abc/monitor", AdminLoginServlet.safeNext("/admin/session/abc/monitor"));
        assertEquals("/admin/sessions", AdminLoginServlet.safeNext("https://evil.example/"));
        assertEquals("/admin/sessions", AdminLoginServlet.safeNext("//evil.example/"));
        assertEquals("/admin/sessions", AdminLoginServlet.safeNext("/\\evil.example"));
        assertEquals("/admin/sessions", AdminLoginServlet.safeNext(null));
        assertEquals("/admin/sessions?tab=data&x=1", AdminLoginServlet.safeNext("/admin/sessions?tab=data&x=1"));
        // a browser drops tabs and line breaks from a URL: "/\t/evil.example" would become "//evil.example"
        for (String sneaky : new String[] {"/\t/evil.example/?x=://", "/\n/evil.example", "/\r\nSet-Cookie: x=1", "/a b"}) {
            assertEquals("/admin/sessions", AdminLoginServlet.safeNext(sneaky), sneaky);
        }
    }

    @Test
    void secretsCompareExactly() {
        assertTrue(Secrets.same("s3cret", "s3cret"));
        assertFalse(Secrets.same("s3cret", "s3cre"));
        assertFalse(Secrets.same("s3cret", null));
    }
}
