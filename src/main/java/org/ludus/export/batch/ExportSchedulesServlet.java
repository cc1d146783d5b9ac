package org.ludus.export.batch;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.ludus.lab.AuditLog;
import org.ludus.lab.Caller;
import org.ludus.web.JsonReply;

/**
 * Export schedules over the REST API (the REST key, as the rest of /api):
 * <pre>
 * GET    /api/exports/schedules       → [schedule]: the caller's (a lab-admin's: all)
 * POST   /api/exports/schedules       {"name", "exports": [...], "sessions": "all" | "changed" | {"config": name} | {"room": name} | [code],
 *                                      "format": "csv"|"jsonl"?, "cron": "0 2 * * *", "time_zone": "Europe/Berlin"? | "every_minutes": 15,
 *                                      "missed": "run_once"|"skip"?, "keep": 10?, "since_last_run": false?}  → 201 schedule
 *                                      ("changed": the sessions changed since the last successful run; since_last_run:
 *                                      live_messages and page_times hold only the rows since it)
 * GET    /api/exports/schedules/{id}  → {"id", "name", …, "next_firing", "runs": [{"id", "fired_at", "status", "folder"}]}
 * DELETE /api/exports/schedules/{id}  → 204; its runs' files stay
 * </pre>
 * Bad input is a 400 naming the field, and nothing is scheduled.
 */
@WebServlet({"/api/exports/schedules", "/api/exports/schedules/*"})
public class ExportSchedulesServlet extends HttpServlet {


    @Inject
    ExportSchedules schedules;

    @Inject
    ScheduleRequests requests;

    @Inject
    Caller caller;

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
            schedules.all().stream().filter(this::mayRead).forEach(schedule -> list.add(requests.json(schedule)));
            JsonReply.write(response, 200, list.build());
            return;
        }
        Optional<ExportSchedule> schedule = readable(path);
        if (schedule.isEmpty()) {
            JsonReply.message(response, 404, "no export schedule " + path.substring(1));
            return;
        }
        JsonReply.write(response, 200, requests.json(schedule.get()));
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
            ExportSchedule created = schedules.create(requests.parse(ExportJobsServlet.body(request)));
            audit.record(AuditLog.EXPORT, null, "schedule '" + created.getName() + "' created: " + created.exports());
            response.setHeader("Location", "/api/exports/schedules/" + created.getId());
            JsonReply.write(response, 201, requests.json(created));
        } catch (IllegalArgumentException refused) {
            JsonReply.message(response, 400, refused.getMessage());
        }
    }

    private Optional<ExportSchedule> readable(String path) {
        String id = path.substring(1);
        return id.matches("\\d{1,18}") ? schedules.find(Long.parseLong(id)).filter(this::mayRead) : Optional.empty();
    }

    private boolean mayRead(ExportSchedule schedule) {
        return caller.isOwnerOrLabAdmin(schedule.getOwner());
    }

}
