package org.ludus.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Comparing secrets (passwords, keys, tokens) in constant time, so an answer's timing tells nothing. */
public final class Secrets {

    private Secrets() {
    }

    /** True if {@code given} is {@code expected}; false for null. */
    public static boolean same(String expected, String given) {
        return expected != null && given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }
}
