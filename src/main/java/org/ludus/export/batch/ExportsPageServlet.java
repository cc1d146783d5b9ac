package org.ludus.export.batch;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ludus.admin.AdminView;
import org.ludus.lab.AuditLog;
import org.ludus.lab.Caller;

/**
 * The admin Exports page (under the admin login, web.xml; POSTs carry the CSRF token). A researcher sees their own
 * runs and schedules, a lab-admin everyone's:
 * <pre>
 * GET  /admin/export-runs                          runs (status, progress, duration, files), schedules, a form for one
 * GET  /admin/export-runs/{id}/files/{name}        a run's file (as the REST route: ETag, byte ranges)
 * POST /admin/export-runs/{id}/stop | restart      stop a running run, restart a stopped or failed one
 * POST /admin/export-runs/schedules                create a schedule (the form's fields, checked as the REST API's)
 * POST /admin/export-runs/schedules/{id}/delete    delete one (its runs' files stay)
 * </pre>
 */
@WebServlet({"/admin/export-runs", "/admin/export-runs/*"})
public class ExportsPageServlet extends HttpServlet {

    /** Runs on the page: the newest. */
    private static final int RUNS = 50;
    /** Files listed per run; the rest are in its folder and its manifest. */
    private static final int FILES = 12;

    /** The form's choices of sessions, as the REST API names them. */
    private static final List<Map<String, String>> SESSION_CHOICES = List.of(
            Map.of("value", "all", "label", "all"), Map.of("value", "changed", "label", "changed since the last run"),
            Map.of("value", "config", "label", "of a config"), Map.of("value", "room", "label", "of a room"),
            Map.of("value", "codes", "label", "these codes"));

    @Inject
    AdminView view;

    @Inject
    Caller caller;

    @Inject
    ExportRuns runs;

    @Inject
    ExportJobs jobs;

    @Inject
    ExportFiles files;

    @Inject
    ExportSchedules schedules;

    @Inject
    ScheduleRequests requests;

    @Inject
    AuditLog audit;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!caller.isResearcher()) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Exports are for researchers and lab-admins.");
            return;
        }
        String[] parts = parts(request);
        if (parts.length == 0) {
            page(request, response, null, Map.of());
            return;
        }
        Optional<ExportRun> run = readable(parts[0]);
        if (run.isEmpty() || parts.length < 3 || !parts[1].equals("files")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        ExportJobs.Job job = jobs.job(run.get());
        String name = String.join("/", java.util.Arrays.copyOfRange(parts, 2, parts.length));
        Optional<ExportJobs.JobFile> file = jobs.files(job).stream().filter(f -> f.name().equals(name)).findFirst();
        if (file.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "Run " + job.id() + " has no file " + name + ".");
            return;
        }
        ExportJobsServlet.send(request, response, file.get(), ExportJobsServlet.sums(jobs.folder(job)).get(name));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!caller.isResearcher()) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Exports are for researchers and lab-admins.");
            return;
        }
        String[] parts = parts(request);
        if (parts.length == 1 && parts[0].equals("schedules")) {
            createSchedule(request, response);
        } else if (parts.length == 3 && parts[0].equals("schedules") && parts[2].equals("delete")) {
            Optional<ExportSchedule> schedule = parts[1].matches("\\d{1,18}")
                    ? schedules.find(Long.parseLong(parts[1])).filter(this::mayRead) : Optional.empty();
            if (schedule.isEmpty()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            schedules.delete(schedule.get().getId());
            audit.record(AuditLog.EXPORT, null, "schedule '" + schedule.get().getName() + "' deleted");
            seeOther(response);
        } else if (parts.length == 2 && (parts[1].equals("stop") || parts[1].equals("restart"))) {
            Optional<ExportRun> run = readable(parts[0]);
            if (run.isEmpty()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            try {
                if (parts[1].equals("stop")) {
                    jobs.stop(run.get().getId());
                } else {
                    jobs.restart(run.get().getId());
                }
            } catch (IllegalStateException notNow) {
                response.setStatus(HttpServletResponse.SC_CONFLICT);
                page(request, response, notNow.getMessage(), Map.of());
                return;
            }
            audit.record(AuditLog.EXPORT, null, parts[1] + " of job " + run.get().getId());
            seeOther(response);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    /** The form's fields as the REST API's JSON, so one set of checks refuses a bad schedule by name. */
    private void createSchedule(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonObjectBuilder body = Json.createObjectBuilder();
        field(request, "name").ifPresent(name -> body.add("name", name));
        var exports = Json.createArrayBuilder();
        field(request, "exports").ifPresent(list -> ExportJobs.list(list).forEach(exports::add));
        body.add("exports", exports);
        String scope = field(request, "sessions").orElse("all");
        String value = field(request, "sessions_value").orElse("");
        switch (scope) {
            case "config", "room" -> body.add("sessions", Json.createObjectBuilder().add(scope, value));
            case "codes" -> {
                var codes = Json.createArrayBuilder();
                ExportJobs.list(value.replace(' ', ',')).forEach(codes::add);
                body.add("sessions", codes);
            }
            default -> body.add("sessions", scope);
        }
        field(request, "format").ifPresent(format -> body.add("format", format));
        if (field(request, "when").orElse("cron").equals("every")) {
            String minutes = field(request, "every_minutes").orElse("");
            if (minutes.matches("\\d{1,9}")) {
                body.add("every_minutes", Integer.parseInt(minutes));
            } else {
                body.add("every_minutes", minutes); // refused by name, as the API refuses it
            }
        } else {
            field(request, "cron").ifPresent(cron -> body.add("cron", cron));
            field(request, "time_zone").ifPresent(zone -> body.add("time_zone", zone));
        }
        field(request, "missed").ifPresent(missed -> body.add("missed", missed));
        String keep = field(request, "keep").orElse("10");
        if (keep.matches("\\d{1,9}")) {
            body.add("keep", Integer.parseInt(keep));
        } else {
            body.add("keep", keep);
        }
        body.add("since_last_run", request.getParameter("since_last_run") != null);
        try {
            ExportSchedule created = schedules.create(requests.parse(body.build()));
            audit.record(AuditLog.EXPORT, null, "schedule '" + created.getName() + "' created: " + created.exports());
            seeOther(response);
        } catch (IllegalArgumentException refused) {
            var form = new HashMap<String, Object>();
            request.getParameterMap().forEach((key, values) -> form.put(key, values[0]));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            page(request, response, refused.getMessage(), form);
        }
    }

    private void page(HttpServletRequest request, HttpServletResponse response, String error, Map<String, Object> form)
            throws IOException {
        Map<Long, String> scheduleNames = new HashMap<>();
        var scheduleRows = new ArrayList<Map<String, Object>>();
        for (ExportSchedule schedule : schedules.all()) {
            scheduleNames.put(schedule.getId(), schedule.getName());
            if (!mayRead(schedule)) {
                continue;
            }
            When when = schedule.when();
            var row = new LinkedHashMap<String, Object>();
            row.put("id", schedule.getId());
            row.put("name", schedule.getName());
            row.put("exports", String.join(", ", schedule.exports()));
            row.put("sessions", switch (schedule.scope()) {
                case ALL -> "all";
                case CHANGED -> "changed since the last run";
                case CONFIG -> "config " + schedule.getScopeValue();
                case ROOM -> "room " + schedule.getScopeValue();
                case SESSIONS -> schedule.getScopeValue().replace(",", ", ");
            });
            row.put("format", schedule.getFormat());
            row.put("when", when.cron() != null ? "cron " + when.cron() + " (" + when.zone().getId() + ")"
                    : "every " + when.everyMinutes() + " min");
            row.put("next_firing", schedule.getNextFiring().toString());
            row.put("keep", schedule.getKeep());
            row.put("since_last_run", schedule.isSinceLastRun() ? "yes" : "no");
            row.put("owner", schedule.getOwner());
            scheduleRows.add(row);
        }
        var runRows = new ArrayList<Map<String, Object>>();
        for (ExportRun run : caller.isLabAdmin() ? runs.recent(RUNS) : runs.recentOf(caller.subject(), RUNS)) {
            ExportJobs.Job job = jobs.job(run);
            ExportFiles.Progress progress = files.progress(run.getId());
            var row = new LinkedHashMap<String, Object>();
            row.put("id", run.getId());
            row.put("schedule", run.getScheduleId() == null ? "by hand"
                    : scheduleNames.getOrDefault(run.getScheduleId(), "deleted schedule"));
            row.put("status", job.status());
            row.put("exit_status", job.exitStatus() == null || job.exitStatus().equals(job.status()) ? "" : job.exitStatus());
            row.put("error", job.failure() == null ? "" : job.failure());
            row.put("rows_written", progress.rowsWritten());
            row.put("rows_expected", progress.rowsExpected());
            row.put("started", job.started() == null ? "" : job.started().toString());
            row.put("duration", job.started() == null ? "" : duration(Duration.between(job.started(),
                    job.ended() != null && !List.of("STARTING", "STARTED", "STOPPING").contains(job.status())
                            ? job.ended() : Instant.now())));
            row.put("may_stop", List.of("STARTING", "STARTED").contains(job.status()));
            row.put("may_restart", List.of("STOPPED", "FAILED").contains(job.status()));
            List<ExportJobs.JobFile> all = jobs.files(job);
            var fileRows = new ArrayList<Map<String, Object>>();
            for (ExportJobs.JobFile file : all.subList(0, Math.min(FILES, all.size()))) {
                fileRows.add(Map.of("name", file.name(), "bytes", file.bytes(),
                        "url", "/admin/export-runs/" + run.getId() + "/files/" + file.name()));
            }
            row.put("files", fileRows);
            row.put("more_files", Math.max(0, all.size() - FILES));
            row.put("folder", run.getFolder());
            runRows.add(row);
        }
        var page = new HashMap<String, Object>();
        page.put("runs", runRows);
        page.put("schedules", scheduleRows);
        page.put("error", error == null ? "" : error);
        page.put("form", form);
        page.put("session_choices", SESSION_CHOICES);
        view.render(request, response, "Exports", page);
    }

    private static String duration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        return seconds < 60 ? seconds + " s" : seconds < 3600 ? seconds / 60 + " min " + seconds % 60 + " s"
                : seconds / 3600 + " h " + seconds / 60 % 60 + " min";
    }

    private Optional<ExportRun> readable(String id) {
        return id.matches("\\d{1,18}") ? runs.find(Long.parseLong(id)).filter(this::mayRead) : Optional.empty();
    }

    private boolean mayRead(ExportRun run) {
        return caller.isOwnerOrLabAdmin(run.getOwner());
    }

    private boolean mayRead(ExportSchedule schedule) {
        return caller.isOwnerOrLabAdmin(schedule.getOwner());
    }

    private static Optional<String> field(HttpServletRequest request, String name) {
        return Optional.ofNullable(request.getParameter(name)).map(String::strip).filter(text -> !text.isEmpty());
    }

    private static void seeOther(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", "/admin/export-runs");
    }

    private static String[] parts(HttpServletRequest request) {
        String path = request.getPathInfo();
        return path == null || path.length() < 2 ? new String[0] : path.substring(1).split("/");
    }
}
