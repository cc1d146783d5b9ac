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
    }

    @Test
    void secretsCompareExactly() {
        assertTrue(ConfiguredAdminIdentityStore.same("s3cret", "s3cret"));
        assertFalse(ConfiguredAdminIdentityStore.same("s3cret", "s3cre"));
        assertFalse(ConfiguredAdminIdentityStore.same("s3cret", null));
    }
}
