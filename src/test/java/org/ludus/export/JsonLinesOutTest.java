package org.ludus.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesOutTest {

    @Test
    void aRowIsOneTypedObjectKeyedByTheHeader() {
        var bytes = new ByteArrayOutputStream();
        var out = new JsonLinesOut(bytes);
        out.row(List.of("seq", "amount", "sent_at", "text", "done", "none"));
        out.row(Arrays.asList(7L, new BigDecimal("10.50"), Instant.parse("2026-12-01T14:03:27.512Z"),
                "say \"hi\"\nbye", true, null));
        out.row(Arrays.asList(8, 0.25d, null, "", false, Double.NaN));
        out.finish();
        assertEquals("""
                {"seq":7,"amount":10.50,"sent_at":"2026-12-01T14:03:27.512Z","text":"say \\"hi\\"\\nbye","done":true,"none":null}
                {"seq":8,"amount":0.25,"sent_at":null,"text":"","done":false,"none":"NaN"}
                """, bytes.toString(StandardCharsets.UTF_8));
        assertEquals(3, out.rows(), "the header is counted as for CSV");
    }
}
