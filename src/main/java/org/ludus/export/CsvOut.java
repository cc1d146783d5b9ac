package org.ludus.export;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An export file being written: RFC 4180 (quoted only where needed, CRLF line ends), UTF-8, rows written as
 * they come (fastcsv keeps one buffer, never the file). The Excel variant starts with a byte order mark, so
 * Excel reads UTF-8, and defuses cells that it would run as formulas; the plain file is the data as it is.
 */
public final class CsvOut implements RowOut {

    private final Writer text;
    private final CsvWriter csv;
    private final boolean excel;
    private long rows;

    public CsvOut(OutputStream out, boolean excel) {
        this.text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        this.csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(text);
        this.excel = excel;
        if (excel) {
            write("\uFEFF");
        }
    }

    /** One row; each value written as {@link Cells#text} says. */
    @Override
    public void row(List<?> values) {
        var cells = new ArrayList<String>(values.size());
        for (Object value : values) {
            String cell = Cells.text(value);
            cells.add(excel ? Cells.forExcel(cell) : cell);
        }
        csv.writeRecord(cells);
        rows++;
    }

    /** Rows written so far, the header included. */
    @Override
    public long rows() {
        return rows;
    }

    /** Writes out what is buffered; the caller closes the stream. */
    @Override
    public void finish() {
        try {
            csv.flush();
            text.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String raw) {
        try {
            text.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
