package org.ludus.session;

import java.security.SecureRandom;

/** Unguessable codes for sessions and participants. */
public final class Codes {

    /** 32 symbols = 5 bits each; no 0/o, 1/l to keep codes readable aloud. */
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** 16 symbols = 80 random bits: far beyond guessing, even by a participant who tries many codes. */
    public static final int PARTICIPANT_CODE_LENGTH = 16;
    public static final int SESSION_CODE_LENGTH = 10;

    private Codes() {
    }

    public static String random(int length) {
        var code = new char[length];
        for (int i = 0; i < length; i++) {
            code[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(code);
    }

    /** True if the text could be a code we made; lets the live path refuse junk without a database query. */
    public static boolean looksLikeCode(String text) {
        if (text == null || text.isEmpty() || text.length() > 32) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '2' && c <= '9')) {
                return false;
            }
        }
        return true;
    }
}
