package org.ludus.lab;

/**
 * What a caller may do with one session ({@link SessionAccess#permission}), each level including the one before:
 * <ul>
 * <li>{@link #ASSIST}: an assistant's: the session's links and monitor, advance the slowest participants;</li>
 * <li>{@link #RESEARCH}: a researcher's it is shared with: also data, payments, exports, close, bots, vars;</li>
 * <li>{@link #OWN}: the owner's and every lab-admin's: also share it with others.</li>
 * </ul>
 */
public enum Permission {
    NONE, ASSIST, RESEARCH, OWN;

    public boolean allows(Permission needed) {
        return compareTo(needed) >= 0;
    }

    static Permission min(Permission a, Permission b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
