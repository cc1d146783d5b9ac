package org.ludus.export;

import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An export as JSON Lines: after the header (which is not written), one JSON object per row, keyed by the
 * header's names in its order, each value typed ({@link Cells#json}): numbers as numbers, booleans as
 * true/false, null as null, times and text as strings. UTF-8, a line feed after each object.
 */
public final class JsonLinesOut implements RowOut {

    private final Writer text;
    private List<String> header;
    private long rows;

    public JsonLinesOut(OutputStream out) {
        this.text = new java.io.BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 14);
    }

    @Override
    public void row(List<?> values) {
        rows++;
        if (header == null) {
            header = new ArrayList<>(values.size());
            values.forEach(name -> header.add(String.valueOf(name)));
            return;
        }
        var object = org.ludus.JsonText.object();
        for (int i = 0; i < header.size(); i++) {
            object.add(header.get(i), i < values.size() ? Cells.json(values.get(i)) : JsonValue.NULL);
        }
        try {
            text.write(object.build().toString());
            text.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public void finish() {
        try {
            text.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
