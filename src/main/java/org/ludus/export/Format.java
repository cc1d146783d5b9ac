package org.ludus.export;

import java.io.OutputStream;

/** The formats an export is written in: CSV (oTree's files) or JSON Lines (one typed object per row). */
public enum Format {
    CSV("csv", "text/csv; charset=utf-8"), JSONL("jsonl", "application/jsonl; charset=utf-8");

    public final String extension;
    public final String contentType;

    Format(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    /** csv (also when not given) or jsonl. */
    public static Format parse(String text) throws ExportRequest.Refused {
        if (text == null || text.isBlank() || text.equals("csv")) {
            return CSV;
        }
        if (text.equals("jsonl")) {
            return JSONL;
        }
        throw new ExportRequest.Refused(400, "format must be csv or jsonl");
    }

    RowOut open(OutputStream out, boolean excel) {
        return this == CSV ? new CsvOut(out, excel) : new JsonLinesOut(out);
    }
}
