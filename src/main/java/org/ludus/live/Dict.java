package org.ludus.live;

import java.util.LinkedHashMap;

/**
 * A live payload written as oTree writes a dict: {@code Dict.of("board", board, "winner", winner)}. Unlike
 * {@code Map.of} it keeps its keys in order and takes null values (sent as JSON null).
 */
public final class Dict extends LinkedHashMap<String, Object> {

    private Dict() {
    }

    /** @param keysAndValues key, value, key, value…; each key a String */
    public static Dict of(Object... keysAndValues) {
        return new Dict().with(keysAndValues);
    }

    /** This dict with more keys and values (a key it has already gets the new value). */
    public Dict with(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("a Dict takes pairs: key, value, key, value…");
        }
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (!(keysAndValues[i] instanceof String key)) {
                throw new IllegalArgumentException("a key must be a String, not " + keysAndValues[i]);
            }
            put(key, keysAndValues[i + 1]);
        }
        return this;
    }
}
