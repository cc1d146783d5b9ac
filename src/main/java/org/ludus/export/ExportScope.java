package org.ludus.export;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ludus.JsonText;
import org.ludus.page.PageBeans;
import org.ludus.page.PageSequence;

/**
 * The sessions an export covers, oldest first: one (by code), all, or all a caller may export. Read inside the export's snapshot; a
 * session's config and vars are kept as JSON as they were stored.
 */
final class ExportScope {

    /** What the files say about a session. */
    record SessionInfo(long id, String code, String configName, JsonObject config, JsonObject vars, boolean demo,
            String frozenSequence, Map<String, Optional<PageSequence>> sequences) {

        /** The session's page sequence, or null if its apps are no longer deployed (looked up once). */
        PageSequence sequence(PageBeans pageBeans) {
            return sequences.computeIfAbsent(frozenSequence != null ? frozenSequence : "config " + configName, key -> {
                try {
                    return Optional.of(pageBeans.sequenceOf(configName, frozenSequence));
                } catch (IllegalStateException gone) {
                    return Optional.empty();
                }
            }).orElse(null);
        }

        List<String> appSequence() {
            JsonValue apps = config.get("app_sequence");
            return apps instanceof jakarta.json.JsonArray array
                    ? array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList() : List.of();
        }
    }

    private final List<SessionInfo> sessions;
    /** Whether the queries must name the sessions (one, or those a caller may export), or may read every row. */
    private final boolean named;
    private final Map<Long, SessionInfo> byId = new HashMap<>();

    private ExportScope(List<SessionInfo> sessions, boolean named) {
        this.sessions = sessions;
        this.named = named;
        sessions.forEach(session -> byId.put(session.id(), session));
    }

    List<SessionInfo> sessions() {
        return sessions;
    }

    /**
     * @param sessionCode one session, or null for all
     * @param only if present, the codes of the sessions the caller may export: the rest are left out
     * @return empty if a code was given and there is no such session among those
     */
    static Optional<ExportScope> read(Connection db, String sessionCode, Optional<Set<String>> only) throws SQLException {
        var sessions = new ArrayList<SessionInfo>();
        var sequences = new HashMap<String, Optional<PageSequence>>(); // shared: sessions of a config have one
        String sql = "select id, code, config_name, config_json, vars_json, demo, page_sequence from ludus_session"
                + (sessionCode == null ? "" : " where code = ?") + " order by id";
        try (Rows rows = Rows.open(db, sql, sessionCode == null ? List.of() : List.of(sessionCode))) {
            while (rows.next()) {
                if (only.isPresent() && !only.get().contains(rows.getString(2))) {
                    continue;
                }
                sessions.add(new SessionInfo(rows.getLong(1), rows.getString(2), rows.getString(3),
                        json(rows.getString(4)), json(rows.getString(5)), Boolean.TRUE.equals(rows.get(6)), rows.getString(7),
                        sequences));
            }
        }
        if (sessionCode != null && sessions.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ExportScope(List.copyOf(sessions), sessionCode != null || only.isPresent()));
    }

    /** " where {column} in (…)" for the named sessions, or nothing for all; with {@link #parameters()}. */
    String where(String sessionIdColumn) {
        return named ? " where " + in(sessionIdColumn) : "";
    }

    /** " and {column} in (…)" for the named sessions, or nothing for all. */
    String and(String sessionIdColumn) {
        return named ? " and " + in(sessionIdColumn) : "";
    }

    private String in(String sessionIdColumn) {
        return sessions.isEmpty() ? "1 = 0"
                : sessionIdColumn + " in (" + String.join(", ", java.util.Collections.nCopies(sessions.size(), "?")) + ")";
    }

    List<Object> parameters() {
        return named ? sessions.stream().map(session -> (Object) session.id()).toList() : List.of();
    }

    SessionInfo session(long id) {
        SessionInfo session = byId.get(id);
        if (session == null) {
            throw new IllegalStateException("no session " + id + " in the export");
        }
        return session;
    }

    private static JsonObject json(String text) {
        return text == null || text.isBlank() ? JsonValue.EMPTY_JSON_OBJECT : JsonText.readObject(text);
    }
}
