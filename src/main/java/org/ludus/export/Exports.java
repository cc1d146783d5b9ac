package org.ludus.export;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.ludus.page.App;
import org.ludus.page.Apps;

/**
 * Writes an export as CSV into a stream, inside one snapshot of the database ({@link Snapshots}). The stream
 * is asked for only once the export is known to exist, so a refusal can still be an HTTP status.
 */
@ApplicationScoped
public class Exports {

    /** Exports being written on this node now, downloads and export jobs' files alike (org.ludus.ops). */
    private final AtomicInteger writing = new AtomicInteger();

    @Inject
    Snapshots snapshots;

    @Inject
    Apps apps;

    @Inject
    AppExports appExports;

    @Inject
    CustomExports customExports;

    /**
     * @param open gives the stream to write to (called at most once, when the export exists)
     * @throws ExportRequest.Refused before anything was written: no such app, session or custom export
     */
    public long write(ExportRequest request, Supplier<OutputStream> open) throws Exception {
        return write(request, Optional.empty(), open);
    }

    /**
     * @param only if present, the codes of the sessions the caller may export ({@link org.ludus.lab.SessionAccess}):
     *     the files leave the others out, and one of them asked for by code is "no session"
     * @return the rows written, the header not counted
     */
    public long write(ExportRequest request, Optional<Set<String>> only, Supplier<OutputStream> open) throws Exception {
        return write(request, only, Format.CSV, open);
    }

    /** As above, in CSV or JSON Lines (the rows are the same; {@code excel} is CSV's only). */
    public long write(ExportRequest request, Optional<Set<String>> only, Format format, Supplier<OutputStream> open)
            throws Exception {
        return write(request, only, format, null, open);
    }

    /**
     * As above; an incremental run's live messages and page times only within its {@code window} (null: all
     * rows). The other exports are whole, whatever the window.
     */
    public long write(ExportRequest request, Optional<Set<String>> only, Format format, Window window,
            Supplier<OutputStream> open) throws Exception {
        App app = request.kind().perApp ? app(request) : null;
        long[] rows = {0};
        writing.incrementAndGet();
        try {
            snapshots.read(db -> {
                ExportScope scope = ExportScope.read(db, request.sessionCode(), only).orElseThrow(() ->
                        new ExportRequest.Refused(404, "no session with code '" + request.sessionCode() + "'"));
                RowOut out = format.open(open.get(), request.excel());
                switch (request.kind()) {
                    case ALL_APPS_WIDE -> appExports.wide(db, scope, out);
                    case APP -> appExports.perApp(db, scope, app, out);
                    case PAGE_TIMES -> PageTimesExport.write(db, scope, window, out);
                    case LIVE_MESSAGES -> LiveMessagesExport.write(db, scope, window, out);
                    case CUSTOM -> customExports.write(scope, app, out);
                    case CODEBOOK -> Codebook.write(app, appExports.appColumns(app), out);
                }
                out.finish();
                rows[0] = Math.max(0, out.rows() - 1);
            });
        } finally {
            writing.decrementAndGet();
        }
        return rows[0];
    }

    public int writingNow() {
        return writing.get();
    }

    /**
     * How many rows {@link #write} would write now (the header not counted), read with the export's own query;
     * empty for the exports whose rows only their writing tells (custom exports, codebooks).
     */
    public java.util.OptionalLong count(ExportRequest request, Window window) throws Exception {
        App app = request.kind().perApp ? app(request) : null;
        long[] rows = {-1};
        snapshots.read(db -> {
            ExportScope scope = ExportScope.read(db, request.sessionCode(), Optional.empty()).orElseThrow(() ->
                    new ExportRequest.Refused(404, "no session with code '" + request.sessionCode() + "'"));
            rows[0] = switch (request.kind()) {
                case ALL_APPS_WIDE -> appExports.countWide(db, scope);
                case APP -> appExports.countPerApp(db, scope, app);
                case PAGE_TIMES -> PageTimesExport.query(scope, window).count(db);
                case LIVE_MESSAGES -> LiveMessagesExport.query(scope, window).count(db);
                case CUSTOM, CODEBOOK -> -1;
            };
        });
        return rows[0] < 0 ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(rows[0]);
    }

    /** Refuses an export of an app that is not deployed, or a custom export the app does not have. */
    public void check(ExportRequest request) throws ExportRequest.Refused {
        if (request.kind().perApp) {
            app(request);
        }
    }

    private App app(ExportRequest request) throws ExportRequest.Refused {
        Optional<App> app = apps.find(request.app());
        if (app.isEmpty()) {
            throw new ExportRequest.Refused(404, "no app named '" + request.app() + "'");
        }
        if (request.kind() == ExportRequest.Kind.CUSTOM && customExports.of(app.get()).isEmpty()) {
            throw new ExportRequest.Refused(404, "app '" + request.app() + "' has no custom export");
        }
        return app.get();
    }
}
