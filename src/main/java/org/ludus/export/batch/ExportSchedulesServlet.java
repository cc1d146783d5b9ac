package org.ludus.export.batch;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ludus.export.ExportRequest;
import org.ludus.export.Format;
import org.ludus.lab.AuditLog;
import org.ludus.lab.Caller;
import org.ludus.lab.Permission;
import org.ludus.lab.SessionAccess;
import org.ludus.web.JsonReply;

/**
 * Export schedules over the REST API (the REST key, as the rest of /api):
 * <pre>
 * GET    /api/exports/schedules       → [schedule]: the caller's (a lab-admin's: all)
 * POST   /api/exports/schedules       {"name", "exports": [...], "sessions": "all" | {"config": name} | {"room": name} | [code],
 *                                      "format": "csv"|"jsonl"?, "cron": "0 2 * * *", "time_zone": "Europe/Berlin"? | "every_minutes": 15,
 *                                      "missed": "run_once"|"skip"?, "keep": 10?}  → 201 schedule
 * GET    /api/exports/schedules/{id}  → {"id", "name", …, "next_firing", "runs": [{"id", "fired_at", "status", "folder"}]}
 * DELETE /api/exports/schedules/{id}  → 204; its runs' files stay
 * </pre>
 * Bad input is a 400 naming the field, and nothing is scheduled.
 */
@WebServlet({"/api/exports/schedules", "/api/exports/schedules/*"})
public class ExportSchedulesServlet extends HttpServlet {

    private static final int MAX_KEEP = 1000;

    @Inject
    ExportSchedules schedules;

    @Inject
    ExportJobs jobs;

    @Inject
    Caller caller;

    @Inject
    SessionAccess access;

    @Inject
    AuditLog audit;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!caller.isResearcher()) {
            JsonReply.message(response, 403, "only researchers and lab-admins export data");
            return;
        }
        String path = Optional.ofNullable(request.getPathInfo()).orElse("/");
        if (path.equals("/")) {
            var list = Json.createArrayBuilder();
            schedules.all().stream().filter(this::mayRead).forEach(schedule -> list.add(json(schedule)));
            JsonReply.write(response, 200, list.build());
            return;
        }
        Optional<ExportSchedule> schedule = readable(path);
        if (schedule.isEmpty()) {
            JsonReply.message(response, 404, "no export schedule " + path.substring(1));
            return;
        }
        JsonReply.write(response, 200, json(schedule.get()));
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<ExportSchedule> schedule = caller.isResearcher()
                ? readable(Optional.ofNullable(request.getPathInfo()).orElse("/")) : Optional.empty();
        if (schedule.isEmpty()) {
            JsonReply.message(response, 404, "no such export schedule");
            return;
        }
        schedules.delete(schedule.get().getId());
        audit.record(AuditLog.EXPORT, null, "schedule '" + schedule.get().getName() + "' deleted");
        response.setStatus(204);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!caller.isResearcher()) {
            JsonReply.message(response, 403, "only researchers and lab-admins export data");
            return;
        }
        if (request.getPathInfo() != null && !request.getPathInfo().equals("/")) {
            JsonReply.message(response, 404, "POST a schedule to /api/exports/schedules");
            return;
        }
        try {
            ExportSchedule created = schedules.create(parse(ExportJobsServlet.body(request)));
            audit.record(AuditLog.EXPORT, null, "schedule '" + created.getName() + "' created: " + created.exports());
            response.setHeader("Location", "/api/exports/schedules/" + created.getId());
            JsonReply.write(response, 201, json(created));
        } catch (IllegalArgumentException refused) {
            JsonReply.message(response, 400, refused.getMessage());
        }
    }

    private ExportSchedule parse(JsonObject body) {
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
        } else if (sessions instanceof JsonObject one && one.size() == 1 && one.get("config") instanceof JsonString config) {
            scope = ExportSchedule.Scope.CONFIG;
            scopeValue = config.getString();
        } else if (sessions instanceof JsonObject one && one.size() == 1 && one.get("room") instanceof JsonString room) {
            scope = ExportSchedule.Scope.ROOM;
            scopeValue = room.getString();
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
            throw new IllegalArgumentException("sessions: \"all\", {\"config\": name}, {\"room\": name} or a list of codes");
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
        return new ExportSchedule(name, caller.subject(), caller.isLabAdmin(), exports, scope, scopeValue,
                format.extension, when, missed.equals("run_once"), keep, Instant.now());
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

    private Optional<ExportSchedule> readable(String path) {
        String id = path.substring(1);
        return id.matches("\\d{1,18}") ? schedules.find(Long.parseLong(id)).filter(this::mayRead) : Optional.empty();
    }

    private boolean mayRead(ExportSchedule schedule) {
        return caller.isLabAdmin() || caller.subject().equals(schedule.getOwner());
    }

    private JsonObject json(ExportSchedule schedule) {
        When when = schedule.when();
        var exports = Json.createArrayBuilder();
        schedule.exports().forEach(exports::add);
        var runs = Json.createArrayBuilder();
        for (ExportRun run : schedules.runs(schedule.getId())) {
            runs.add(Json.createObjectBuilder().add("id", run.getId()).add("fired_at", run.getFiredAt().toString())
                    .add("status", jobs.job(run).status())
                    .add("folder", run.getFolder()));
        }
        JsonValue sessions = switch (schedule.scope()) {
            case ALL -> Json.createValue("all");
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
                .add("next_firing", schedule.getNextFiring().toString()).add("runs", runs).build();
    }
}
