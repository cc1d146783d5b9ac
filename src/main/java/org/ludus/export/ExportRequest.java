package org.ludus.export;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Which export was asked for, from the path after {@code /exports/} and the query: {@code all_apps_wide},
 * {@code apps/{app}}, {@code page_times}, {@code live_messages}, {@code custom/{app}}, {@code codebook/{app}};
 * {@code ?session={code}} (none: every session) and {@code excel=1}.
 */
public record ExportRequest(Kind kind, String app, String sessionCode, boolean excel) {

    public enum Kind {
        ALL_APPS_WIDE("all_apps_wide", false), APP("apps", true), PAGE_TIMES("page_times", false),
        LIVE_MESSAGES("live_messages", false), CUSTOM("custom", true), CODEBOOK("codebook", true);

        final String path;
        final boolean perApp;

        Kind(String path, boolean perApp) {
            this.path = path;
            this.perApp = perApp;
        }
    }

    /** A request that cannot be an export: status 400 or 404 and the message to send. */
    public static final class Refused extends Exception {
        private final int status;

        public Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** @param path the part after "/exports/", e.g. "apps/auction" */
    public static ExportRequest parse(String path, String session, String excel) throws Refused {
        String[] parts = path == null ? new String[0] : path.replaceAll("^/+|/+$", "").split("/");
        Optional<Kind> kind = java.util.Arrays.stream(Kind.values())
                .filter(k -> parts.length == (k.perApp ? 2 : 1) && k.path.equals(parts[0])).findFirst();
        if (kind.isEmpty()) {
            throw new Refused(404, "no such export: the exports are all_apps_wide, apps/{app}, page_times,"
                    + " live_messages, custom/{app} and codebook/{app}");
        }
        if (session != null && session.isBlank()) {
            session = null;
        }
        boolean forExcel;
        if (excel == null || excel.equals("0") || excel.equalsIgnoreCase("false")) {
            forExcel = false;
        } else if (excel.equals("1") || excel.equalsIgnoreCase("true")) {
            forExcel = true;
        } else {
            throw new Refused(400, "excel must be 1 or 0");
        }
        return new ExportRequest(kind.get(), kind.get().perApp ? parts[1] : null, session, forExcel);
    }

    /** As oTree names its files: all_apps_wide_2026-12-01.csv, auction_2026-12-01.csv, PageTimes_…. */
    public String fileName(LocalDate today) {
        return (baseName() + (sessionCode == null ? "" : "_" + sessionCode) + "_" + today)
                .replaceAll("[^A-Za-z0-9_.-]", "_") + ".csv";
    }

    /** The file's name without session, date or extension: all_apps_wide, auction, PageTimes, auction_custom…. */
    public String baseName() {
        String base = switch (kind) {
            case ALL_APPS_WIDE -> "all_apps_wide";
            case APP -> app;
            case PAGE_TIMES -> "PageTimes";
            case LIVE_MESSAGES -> "live_messages";
            case CUSTOM -> app + "_custom";
            case CODEBOOK -> app + "_codebook";
        };
        return base.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    public String fileName() {
        return fileName(LocalDate.now(ZoneOffset.UTC));
    }
}
