package org.ludus.export;

import java.util.List;
import java.util.stream.Stream;
import org.ludus.session.ExperimentSession;

/**
 * An app's own export, oTree's {@code custom_export}: an {@link org.ludus.page.App} that implements this gets a
 * file of its own ({@code /api/exports/custom/{app}}), e.g. one row per bid of an extra table. The rows are
 * written as the stream yields them, so return a query's {@code getResultStream()} (with the hint
 * {@code org.hibernate.fetchSize}, e.g. 1000, so PostgreSQL sends them in pieces) rather than a list.
 * Cells are written as in every export: null empty, booleans 1/0, numbers plain, times ISO 8601 UTC.
 */
public interface CustomExport {

    /** The file's first row. */
    List<String> customExportHeader();

    /** The rows of one session, in the order they should appear; runs inside the export's transaction. */
    Stream<Object[]> customExportRows(ExperimentSession session);
}
