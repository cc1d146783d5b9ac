package org.ludus.export.batch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ludus.export.ExportRequest;
import org.ludus.export.Format;
import org.ludus.lab.Caller;
import org.ludus.lab.Permission;
import org.ludus.lab.SessionAccess;

/**
 * Schedules as JSON, both ways: what the REST API takes and shows ({@link ExportSchedulesServlet}), and what the
 * admin Exports page's form sends ({@link ExportsPageServlet}); one set of checks for both.
 */
@ApplicationScoped
public class ScheduleRequests {

    private static final int MAX_KEEP = 1000;
    /** The exports that can hold only the rows since the last run. */
    static final List<String> INCREMENTAL = List.of("live_messages", "page_times");

    @Inject
    ExportSchedules schedules;

    @Inject
    ExportJobs jobs;

    @Inject
    Caller caller;

    @Inject
    SessionAccess access;

    @Inject
    org.ludus.session.SessionConfigs configs;

    @Inject
    org.ludus.session.Rooms rooms;

    /** A schedule from its JSON (the REST body, or the admin form's fields as one); a bad field is refused by name. */
    public ExportSchedule parse(JsonObject body) {
        String name = text(body, "name").orElseThrow(() -> new IllegalArgumentException("name: required"));
        if (!name.matches(ExportSchedules.NAME)) {
            throw new IllegalArgumentException("name: 1 to 64 letters, digits, '-' or '_' (it names the folder)");
        }
        List<String> exports = ExportJobsServlet.strings(body, "exports").orElseThrow(() ->
                new IllegalArgumentException("exports: a list of export names is required, e.g. [\"live_messages\"]"));
        try {
            jobs.check(exports);
        } catch (IllegalArgumentException bad) {
            throw new IllegalArgumentException("exports: " + bad.getMessage());
        }
        Format format;
        try {
            format = Format.parse(text(body, "format").orElse(null));
        } catch (ExportRequest.Refused refused) {
            throw new IllegalArgumentException("format: csv or jsonl");
        }
        ExportSchedule.Scope scope;
        String scopeValue = null;
        JsonValue sessions = body.getOrDefault("sessions", Json.createValue("all"));
        if (sessions instanceof JsonString all && all.getString().equals("all")) {
            scope = ExportSchedule.Scope.ALL;
        } else if (sessions instanceof JsonString changed && changed.getString().equals("changed")) {
            scope = ExportSchedule.Scope.CHANGED;
        } else if (sessions instanceof JsonObject one && one.size() == 1 && one.get("config") instanceof JsonString config) {
            scope = ExportSchedule.Scope.CONFIG;
            scopeValue = config.getString();
            if (configs.find(scopeValue).isEmpty()) {
                throw new IllegalArgumentException("sessions: no session config named '" + scopeValue + "'");
            }
        } else if (sessions instanceof JsonObject one && one.size() == 1 && one.get("room") instanceof JsonString room) {
            scope = ExportSchedule.Scope.ROOM;
            scopeValue = room.getString();
            if (rooms.find(scopeValue).isEmpty()) {
                throw new IllegalArgumentException("sessions: no room named '" + scopeValue + "'");
            }
        } else if (sessions instanceof JsonArray) {
            List<String> codes = ExportJobsServlet.strings(body, "sessions").orElseThrow();
            for (String code : codes) {
                if (access.find(code).filter(allowed -> allowed.allows(Permission.RESEARCH)).isEmpty()) {
                    throw new IllegalArgumentException("sessions: no session with code '" + code + "'");
                }
            }
            if (codes.isEmpty()) {
                throw new IllegalArgumentException("sessions: name at least one, or \"all\"");
            }
            scope = ExportSchedule.Scope.SESSIONS;
            scopeValue = String.join(",", codes.stream().distinct().toList());
        } else {
            throw new IllegalArgumentException("sessions: \"all\", \"changed\", {\"config\": name}, {\"room\": name}"
                    + " or a list of codes");
        }
        if (body.containsKey("time_zone") && body.containsKey("every_minutes")) {
            throw new IllegalArgumentException("time_zone: only with cron");
        }
        When when = When.of(text(body, "cron").orElse(null), text(body, "time_zone").orElse(null),
                whole(body, "every_minutes", 1, 10_080).orElse(null));
        String missed = text(body, "missed").orElse("run_once");
        if (!missed.equals("run_once") && !missed.equals("skip")) {
            throw new IllegalArgumentException("missed: run_once or skip");
        }
        int keep = whole(body, "keep", 1, MAX_KEEP).orElse(10);
        boolean sinceLastRun = yesNo(body, "since_last_run").orElse(false);
        if (sinceLastRun && exports.stream().noneMatch(INCREMENTAL::contains)) {
            throw new IllegalArgumentException("since_last_run: only live_messages and page_times export since the"
                    + " last run; this schedule has neither");
        }
        return new ExportSchedule(name, caller.subject(), caller.isLabAdmin(), exports, scope, scopeValue,
                format.extension, when, missed.equals("run_once"), keep, sinceLastRun, Instant.now());
    }

    private static Optional<Boolean> yesNo(JsonObject body, String field) {
        JsonValue value = body.get(field);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
            throw new IllegalArgumentException(field + ": true or false");
        }
        return Optional.of(value == JsonValue.TRUE);
    }

    private static Optional<String> text(JsonObject body, String field) {
        JsonValue value = body.get(field);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonString text)) {
            throw new IllegalArgumentException(field + ": a string");
        }
        return Optional.of(text.getString());
    }

    private static Optional<Integer> whole(JsonObject body, String field, int min, int max) {
        JsonValue value = body.get(field);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonNumber number) || !number.isIntegral()
                || number.bigDecimalValue().compareTo(java.math.BigDecimal.valueOf(min)) < 0
                || number.bigDecimalValue().compareTo(java.math.BigDecimal.valueOf(max)) > 0) {
            throw new IllegalArgumentException(field + ": a whole number from " + min + " to " + max);
        }
        return Optional.of(number.intValue());
    }


    /** The schedule as the API shows it, with its runs. */
    public JsonObject json(ExportSchedule schedule) {
        When when = schedule.when();
        var exports = Json.createArrayBuilder();
        schedule.exports().forEach(exports::add);
        var runs = Json.createArrayBuilder();
        for (ExportRun run : schedules.runs(schedule.getId())) {
            runs.add(Json.createObjectBuilder().add("id", run.getId()).add("fired_at", run.getFiredAt().toString())
                    .add("status", jobs.job(run).status())
                    .add("folder", run.getFolder()).add("node", run.getNode())
                    .add("since_run", run.getSinceRun() == null ? JsonValue.NULL : Json.createValue(run.getSinceRun())));
        }
        JsonValue sessions = switch (schedule.scope()) {
            case ALL -> Json.createValue("all");
            case CHANGED -> Json.createValue("changed");
            case CONFIG -> Json.createObjectBuilder().add("config", schedule.getScopeValue()).build();
            case ROOM -> Json.createObjectBuilder().add("room", schedule.getScopeValue()).build();
            case SESSIONS -> Json.createArrayBuilder(ExportJobs.list(schedule.getScopeValue())).build();
        };
        return Json.createObjectBuilder().add("id", schedule.getId()).add("name", schedule.getName())
                .add("exports", exports).add("sessions", sessions).add("format", schedule.getFormat())
                .add("cron", ExportJobsServlet.nullable(when.cron()))
                .add("time_zone", when.cron() == null ? JsonValue.NULL : Json.createValue(when.zone().getId()))
                .add("every_minutes", when.everyMinutes() == null ? JsonValue.NULL : Json.createValue(when.everyMinutes()))
                .add("missed", schedule.isRunMissed() ? "run_once" : "skip").add("keep", schedule.getKeep())
                .add("since_last_run", schedule.isSinceLastRun())
                .add("next_firing", schedule.getNextFiring().toString()).add("runs", runs).build();
    }
}
