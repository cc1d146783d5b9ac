package org.ludus.session;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/** oTree's vars (a participant's, a session's, a room label's): a map kept as JSON, of bounded size. */
public final class Vars {

    /** The most characters a vars map may take as JSON (the column holds more; a page loads them all). */
    public static final int MAX_CHARS = 100_000;

    private static final Jsonb JSONB = JsonbBuilder.create();

    private Vars() {
    }

    /** The vars with the changes added (or overwritten); a new map, so the change is seen however it is compared. */
    public static Map<String, Object> merged(Map<String, Object> vars, Map<String, Object> changes) {
        var merged = new LinkedHashMap<>(vars);
        merged.putAll(changes);
        int chars = JSONB.toJson(merged).length();
        if (chars > MAX_CHARS) {
            throw new InvalidRequest("vars may take at most " + MAX_CHARS + " characters as JSON; with these they"
                    + " would take " + chars);
        }
        return merged;
    }
}
