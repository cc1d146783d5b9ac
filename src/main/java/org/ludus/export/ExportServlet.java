package org.ludus.export;

import java.util.Optional;
import java.util.Set;
import org.ludus.lab.AuditLog;
import org.ludus.lab.Caller;
import org.ludus.lab.Permission;
import org.ludus.lab.SessionAccess;
import org.ludus.session.Codes;
import org.ludus.web.JsonReply;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The export routes: {@code GET /api/exports/…} for scripts (the REST key, as the rest of /api) and
 * {@code GET /admin/exports/…} for the admin's download buttons (the admin login). Both stream the same files
 * ({@link ExportRequest} lists them), of the sessions the caller may export ({@link SessionAccess}): a lab-admin's
 * "all sessions" is every session, a researcher's those they own or that are shared with them as researcher.
 * Every export is in the audit log. Refusals are JSON {"message"} on /api, a plain error page on /admin.
 * A file that fails half-way is cut off without its end, so no client takes it for complete.
 */
@WebServlet({"/api/exports/*", "/admin/exports/*"})
public class ExportServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ExportServlet.class.getName());

    @Inject
    Exports exports;

    @Inject
    Caller caller;

    @Inject
    SessionAccess access;

    @Inject
    AuditLog audit;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        boolean api = request.getServletPath().startsWith("/api/");
        try {
            ExportRequest export = ExportRequest.parse(request.getPathInfo(), request.getParameter("session"),
                    request.getParameter("excel"));
            Format format = Format.parse(request.getParameter("format"));
            if (format != Format.CSV && export.excel()) {
                throw new ExportRequest.Refused(400, "excel=1 is for CSV files");
            }
            if (!caller.isResearcher()) {
                throw new ExportRequest.Refused(403, "only researchers and lab-admins export data");
            }
            if (export.sessionCode() != null) {
                if (!Codes.looksLikeCode(export.sessionCode())) {
                    throw new ExportRequest.Refused(404, "no session with code '" + export.sessionCode() + "'");
                }
                var allowed = access.find(export.sessionCode());
                if (allowed.isPresent() && !allowed.get().allows(Permission.RESEARCH)) {
                    // the API does not tell another's session from none; the admin's page says why
                    throw api ? new ExportRequest.Refused(404, "no session with code '" + export.sessionCode() + "'")
                            : new ExportRequest.Refused(403, "session " + export.sessionCode()
                                    + " is not shared with you as researcher");
                }
            }
            Optional<Set<String>> only = access.exportable();
            exports.write(export, only, format, () -> open(response, export, format));
            audit.record(AuditLog.EXPORT, export.sessionCode(), request.getRequestURI()
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
        } catch (ExportRequest.Refused refused) {
            refuse(response, api, refused.status(), refused.getMessage());
        } catch (Exception e) {
            if (!response.isCommitted()) {
                LOG.log(Level.WARNING, "an export failed", e);
                response.reset();
                refuse(response, api, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "the export failed; see the server log");
                return;
            }
            // Part of the file has left already: the client must see a broken download, not a shorter file
            LOG.log(Level.WARNING, "an export failed after part of " + request.getRequestURI() + " was sent", e);
            if (!BrokenResponse.abortCurrent()) {
                throw new ServletException("an export failed half-way", e);
            }
        }
    }

    private static OutputStream open(HttpServletResponse response, ExportRequest export, Format format) {
        response.setContentType(format.contentType);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + export.fileName()
                .replaceFirst("\\.csv$", "." + format.extension) + "\"");
        response.setHeader("Cache-Control", "no-store");
        try {
            return response.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void refuse(HttpServletResponse response, boolean api, int status, String message)
            throws IOException {
        if (api) {
            JsonReply.message(response, status, message);
        } else {
            response.sendError(status, message);
        }
    }
}
