package org.ludus.export;

import java.util.List;

/**
 * Which rows of the two logs (live messages, page times) an incremental export holds: those up to the marks
 * recorded for run {@code upTo} when it was created, and beyond the marks of run {@code since} (the schedule's
 * last successful run; null for none). A mark is per group (the highest {@code seq} of its live messages) and per
 * participant (the oTree page index of their last completed page): both grow in commit order, so consecutive
 * windows hold every row once, and a restarted run, reading the same marks, writes the same rows.
 * The marks are {@link ExportMark} rows.
 */
public record Window(long upTo, Long since) {

    /** Joins the marks of the live-message log {@code l}: rows {@code u.mark} and {@code p.mark} (with {@link #parameters()}). */
    String liveJoin() {
        return " join ludus_export_mark u on u.run_id = ? and u.kind = '" + ExportMark.LIVE + "'"
                + " and u.app_name = l.app_name and u.key_id = l.group_id"
                + " left join ludus_export_mark p on p.run_id = ? and p.kind = '" + ExportMark.LIVE + "'"
                + " and p.app_name = l.app_name and p.key_id = l.group_id";
    }

    /** Joins the page-time marks of the participant whose id is {@code participantId}. */
    String pageJoin(String participantId) {
        return " join ludus_export_mark u on u.run_id = ? and u.kind = '" + ExportMark.PAGES + "' and u.key_id = "
                + participantId + " left join ludus_export_mark p on p.run_id = ? and p.kind = '" + ExportMark.PAGES
                + "' and p.key_id = " + participantId;
    }

    List<Object> parameters() {
        return List.of(upTo, since == null ? -1L : since);
    }
}
