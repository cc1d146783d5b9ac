package org.ludus.export;

import java.util.List;

/**
 * Where an export's rows go, the first one its header: CSV ({@link CsvOut}) or JSON Lines ({@link JsonLinesOut}).
 * The exports write rows and know nothing of the format; each format is written in one place.
 */
public interface RowOut {

    void row(List<?> values);

    /** Rows written so far, the header included. */
    long rows();

    /** Writes out what is buffered; the caller closes the stream. */
    void finish();
}
