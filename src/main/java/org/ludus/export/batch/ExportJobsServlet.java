package org.ludus.export.batch;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.ludus.export.ExportRequest;
import org.ludus.export.Format;
import org.ludus.lab.AuditLog;
import org.ludus.lab.Caller;
import org.ludus.lab.Permission;
import org.ludus.lab.SessionAccess;
import org.ludus.session.ExperimentSession;
import org.ludus.session.Sessions;
import org.ludus.web.JsonReply;
import org.ludus.web.PublicUrl;

/**
 * Export jobs over the REST API (the REST key, as the rest of /api; a servlet because /api/exports/* is the
 * download servlet's, and the longer mapping wins):
 * <pre>
 * POST /api/exports/jobs                   {"exports": ["live_messages", "apps/auction"], "sessions": [code]?, "format": "csv"|"jsonl"?}
 *                                          → 201 {"id"}; without sessions: every session the key may export
 * GET  /api/exports/jobs/{id}              → {"id", "status", "exit_status", "started_at", "ended_at", "folder", "sessions",
 *                                             "exports", "files": [{"name", "bytes", "sha256", "url"}]}
 * GET  /api/exports/jobs/{id}/files/{name} → the file (Content-Length; ETag: its SHA-256 once the job is done)
 * POST /api/exports/jobs/{id}/stop         → 202; the job ends STOPPED after the file in progress (409 if not running)
 * POST /api/exports/jobs/{id}/restart      → 202; a stopped or failed job goes on from its last checkpoint (409 if not)
 * </pre>
 * Researchers and lab-admins only; a job is seen by whoever started it and by lab-admins (another's is 404).
 */
@WebServlet({"/api/exports/jobs", "/api/exports/jobs/*"})
public class ExportJobsServlet extends HttpServlet {

    private static final int MAX_BODY_BYTES = 64 * 1024;

    @Inject
    ExportJobs jobs;

    @Inject
    ExportFiles exportFiles;

    @Inject
    Caller caller;

    @Inject
    SessionAccess access;

    @Inject
    Sessions sessions;

    @Inject
    AuditLog audit;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!caller.isResearcher()) {
            JsonReply.message(response, 403, "only researchers and lab-admins export data");
            return;
        }
        if (request.getPathInfo() != null && !request.getPathInfo().equals("/")) {
            control(request.getPathInfo().substring(1).split("/", -1), response);
            return;
        }
        JsonObject body;
        try {
            body = body(request);
        } catch (IllegalArgumentException bad) {
            JsonReply.message(response, 400, bad.getMessage());
            return;
        }
        try {
            List<String> exports = strings(body, "exports").orElseThrow(() ->
                    new IllegalArgumentException("exports: a list of export names is required, e.g. [\"live_messages\"]"));
            Format format;
            try {
                format = Format.parse(body.get("format") instanceof JsonString text ? text.getString()
                        : body.containsKey("format") && body.get("format") != JsonValue.NULL ? "?" : null);
            } catch (ExportRequest.Refused refused) {
                throw new IllegalArgumentException("format: csv or jsonl");
            }
            List<String> codes = strings(body, "sessions").map(this::researchable).orElseGet(this::exportable);
            long id = jobs.start(exports, codes, format, caller.subject());
            audit.record(AuditLog.EXPORT, codes.size() == 1 ? codes.get(0) : null, "job " + id + ": " + exports
                    + " of " + codes.size() + " sessions");
            response.setHeader("Location", "/api/exports/jobs/" + id);
            JsonReply.write(response, 201, Json.createObjectBuilder().add("id", id).build());
        } catch (IllegalArgumentException refused) {
            JsonReply.message(response, 400, refused.getMessage());
        }
    }

    /** Stop or restart: {id}/stop, {id}/restart. */
    private void control(String[] parts, HttpServletResponse response) throws IOException {
        Optional<ExportJobs.Job> job = parts.length == 2 ? readable(parts[0]) : Optional.empty();
        if (job.isEmpty() || !(parts[1].equals("stop") || parts[1].equals("restart"))) {
            JsonReply.message(response, 404, "no such route: POST /api/exports/jobs, /api/exports/jobs/{id}/stop or"
                    + " /api/exports/jobs/{id}/restart");
            return;
        }
        try {
            if (parts[1].equals("stop")) {
                jobs.stop(job.get().id());
            } else {
                jobs.restart(job.get().id());
            }
        } catch (IllegalStateException notNow) {
            JsonReply.message(response, 409, notNow.getMessage());
            return;
        }
        audit.record(AuditLog.EXPORT, null, parts[1] + " of job " + job.get().id());
        JsonReply.message(response, 202, "job " + job.get().id() + ": " + parts[1] + " requested");
    }

    /** The job of that id if the caller may read it: its owner, or a lab-admin. */
    private Optional<ExportJobs.Job> readable(String id) {
        return id.matches("\\d{1,18}") && caller.isResearcher()
                ? jobs.find(Long.parseLong(id)).filter(this::mayRead) : Optional.empty();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = Optional.ofNullable(request.getPathInfo()).orElse("/").substring(1).split("/", 3);
        Optional<ExportJobs.Job> job = readable(parts[0]);
        if (job.isEmpty()) {
            JsonReply.message(response, 404, "no export job " + parts[0]);
            return;
        }
        if (parts.length == 1) {
            status(request, response, job.get());
        } else if (parts.length == 3 && parts[1].equals("files")) {
            file(request, response, job.get(), parts[2]);
        } else {
            JsonReply.message(response, 404, "no such route: /api/exports/jobs/{id} or /api/exports/jobs/{id}/files/{name}");
        }
    }

    private void status(HttpServletRequest request, HttpServletResponse response, ExportJobs.Job job) throws IOException {
        Map<String, String> sums = sums(jobs.folder(job));
        var files = Json.createArrayBuilder();
        for (ExportJobs.JobFile file : jobs.files(job)) {
            var entry = Json.createObjectBuilder().add("name", file.name()).add("bytes", file.bytes())
                    .add("url", PublicUrl.of(request, "/api/exports/jobs/" + job.id() + "/files/" + file.name()));
            if (sums.containsKey(file.name())) {
                entry.add("sha256", sums.get(file.name()));
            } else {
                entry.addNull("sha256");
            }
            files.add(entry);
        }
        var sessionsArray = Json.createArrayBuilder();
        job.sessions().forEach(sessionsArray::add);
        var exportsArray = Json.createArrayBuilder();
        job.exports().forEach(exportsArray::add);
        var body = Json.createObjectBuilder().add("id", job.id()).add("status", job.status())
                .add("folder", job.folder()).add("sessions", sessionsArray).add("exports", exportsArray).add("files", files);
        body.add("exit_status", nullable(job.exitStatus())).add("format", job.format());
        body.add("error", nullable(job.failure()));
        ExportFiles.Progress progress = exportFiles.progress(job.id());
        body.add("rows_written", progress.rowsWritten()).add("rows_expected", progress.rowsExpected());
        body.add("schedule", job.scheduleId() == null ? JsonValue.NULL : Json.createValue(job.scheduleId()));
        var executions = Json.createArrayBuilder();
        for (ExportJobs.Execution execution : job.executions()) {
            executions.add(Json.createObjectBuilder().add("id", execution.id()).add("status", execution.status())
                    .add("started_at", nullable(execution.started() == null ? null : execution.started().toString()))
                    .add("ended_at", nullable(execution.ended() == null ? null : execution.ended().toString())));
        }
        body.add("executions", executions);
        body.add("started_at", nullable(job.started() == null ? null : job.started().toString()));
        body.add("ended_at", nullable(job.ended() == null ? null : job.ended().toString()));
        JsonReply.write(response, 200, body.build());
    }

    private void file(HttpServletRequest request, HttpServletResponse response, ExportJobs.Job job, String name)
            throws IOException {
        Optional<ExportJobs.JobFile> file = jobs.files(job).stream().filter(f -> f.name().equals(name)).findFirst();
        if (file.isEmpty()) {
            JsonReply.message(response, 404, "job " + job.id() + " has no file " + name);
            return;
        }
        send(request, response, file.get(), sums(jobs.folder(job)).get(name));
    }

    /**
     * Sends a job's file: Content-Length, the SHA-256 as ETag, and one byte range if asked ({@code Range: bytes=…},
     * so an interrupted download of a large file goes on where it stopped); a range asked with an If-Range that
     * is no longer the file's is answered with the whole file.
     */
    static void send(HttpServletRequest request, HttpServletResponse response, ExportJobs.JobFile file, String sha256)
            throws IOException {
        String name = file.name();
        long length = file.bytes();
        response.setContentType(name.endsWith(".json") ? "application/json" : name.endsWith(".csv")
                ? Format.CSV.contentType : name.endsWith(".jsonl") ? Format.JSONL.contentType : "text/plain; charset=utf-8");
        String etag = sha256 == null ? null : "\"" + sha256 + "\"";
        if (etag != null) {
            response.setHeader("ETag", etag);
        }
        response.setHeader("Accept-Ranges", "bytes");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name.replace('/', '_') + "\"");
        String ifRange = request.getHeader("If-Range");
        Optional<ByteRange> range = ifRange != null && !ifRange.equals(etag) ? Optional.empty()
                : ByteRange.parse(request.getHeader("Range"), length);
        if (range.isPresent() && range.get().unsatisfiable()) {
            response.setHeader("Content-Range", "bytes */" + length);
            JsonReply.message(response, 416, "the file has " + length + " bytes; the range asked for is not in it");
            return;
        }
        long first = range.map(ByteRange::first).orElse(0L);
        long count = range.map(r -> r.last() - r.first() + 1).orElse(length);
        if (range.isPresent()) {
            response.setStatus(206);
            response.setHeader("Content-Range", "bytes " + first + "-" + (first + count - 1) + "/" + length);
        }
        response.setContentLengthLong(count);
        try (InputStream in = Files.newInputStream(file.path())) {
            in.skipNBytes(first);
            copy(in, response.getOutputStream(), count);
        }
    }

    private static void copy(InputStream in, java.io.OutputStream out, long count) throws IOException {
        byte[] buffer = new byte[1 << 16];
        for (long left = count; left > 0; ) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                break;
            }
            out.write(buffer, 0, read);
            left -= read;
        }
    }

    /** The SHA-256 of each file from the run's SHA256SUMS, once the job has written it. */
    static Map<String, String> sums(java.nio.file.Path folder) throws IOException {
        var path = folder.resolve(ExportManifest.SUMS);
        if (!Files.isRegularFile(path)) {
            return Map.of();
        }
        return Files.readAllLines(path, StandardCharsets.UTF_8).stream().filter(line -> line.length() > 66)
                .collect(Collectors.toMap(line -> line.substring(66), line -> line.substring(0, 64), (a, b) -> a));
    }

    static JsonValue nullable(String text) {
        return text == null ? JsonValue.NULL : Json.createValue(text);
    }

    private boolean mayRead(ExportJobs.Job job) {
        return jobs.ownerOf(job.id()).filter(caller::isOwnerOrLabAdmin).isPresent();
    }

    /** The sessions named, each one the caller may export; an unknown one is refused, not left out. */
    private List<String> researchable(List<String> codes) {
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("sessions: name at least one, or leave it out for all of yours");
        }
        for (String code : codes) {
            Optional<SessionAccess.Allowed> allowed = access.find(code);
            if (allowed.isEmpty() || !allowed.get().allows(Permission.RESEARCH)) {
                throw new IllegalArgumentException("sessions: no session with code '" + code + "'");
            }
        }
        return codes.stream().distinct().toList();
    }

    private List<String> exportable() {
        List<String> codes = access.exportable().map(set -> set.stream().sorted().toList())
                .orElseGet(() -> sessions.all().stream().map(ExperimentSession::getCode).sorted().toList());
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("sessions: there is no session you may export");
        }
        return codes;
    }

    static Optional<List<String>> strings(JsonObject body, String field) {
        JsonValue value = body.get(field);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonArray array) || array.size() > 1000
                || !array.stream().allMatch(item -> item instanceof JsonString)) {
            throw new IllegalArgumentException(field + ": a list of strings");
        }
        var list = new ArrayList<String>();
        array.getValuesAs(JsonString.class).forEach(text -> list.add(text.getString()));
        return Optional.of(list);
    }

    static JsonObject body(HttpServletRequest request) throws IOException {
        byte[] bytes = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new IllegalArgumentException("the request body is over " + MAX_BODY_BYTES / 1024 + " KiB");
        }
        try (var reader = Json.createReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
            JsonValue value = reader.readValue();
            if (!(value instanceof JsonObject object)) {
                throw new IllegalArgumentException("the body must be a JSON object");
            }
            return object;
        } catch (jakarta.json.JsonException malformed) { // JsonParsingException among them
            throw new IllegalArgumentException("the body is not valid JSON");
        }
    }
}
