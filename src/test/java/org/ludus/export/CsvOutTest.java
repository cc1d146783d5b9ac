package org.ludus.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvOutTest {

    private static final List<Object> TRICKY = Arrays.asList("a, b", "say \"hi\"", "line one\nline two", "Zoë 日本",
            "=1+1", null, true, 3);

    private static String write(boolean excel, List<?>... rows) {
        var bytes = new ByteArrayOutputStream();
        var out = new CsvOut(bytes, excel);
        for (List<?> row : rows) {
            out.row(row);
        }
        out.finish();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void rfc4180WithCrlfQuotingOnlyWhereNeeded() {
        String text = write(false, List.of("x", "y"), List.of("plain", "a, b"));
        assertEquals("x,y\r\nplain,\"a, b\"\r\n", text);
    }

    @Test
    void trickyCellsRoundTripThroughAnotherParser() throws Exception {
        String text = write(false, TRICKY);
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
        assertEquals(1, records.size());
        assertEquals(List.of("a, b", "say \"hi\"", "line one\nline two", "Zoë 日本", "=1+1", "", "1", "3"),
                records.get(0).toList(), "the plain file is the data as it is");
    }

    @Test
    void theExcelVariantHasAByteOrderMarkAndDefusedFormulas() throws Exception {
        String text = write(true, TRICKY);
        assertTrue(text.startsWith("\uFEFF"));
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(text.substring(1))).getRecords();
        assertEquals("'=1+1", records.get(0).get(4));
        assertEquals("a, b", records.get(0).get(0));
    }

    @Test
    void rowsAreCountedHeaderIncluded() {
        var out = new CsvOut(new ByteArrayOutputStream(), false);
        out.row(List.of("h"));
        out.row(List.of("1"));
        assertEquals(2, out.rows());
    }
}
