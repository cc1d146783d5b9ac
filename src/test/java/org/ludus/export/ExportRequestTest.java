package org.ludus.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExportRequestTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    @Test
    void routesAndFileNamesAreOTrees() throws Exception {
        assertEquals("all_apps_wide_2026-12-01.csv", ExportRequest.parse("/all_apps_wide", null, null).fileName(DAY));
        ExportRequest app = ExportRequest.parse("/apps/auction", "abcd1234", "1");
        assertEquals(ExportRequest.Kind.APP, app.kind());
        assertEquals("auction", app.app());
        assertTrue(app.excel());
        assertEquals("auction_abcd1234_2026-12-01.csv", app.fileName(DAY));
        assertEquals("PageTimes_2026-12-01.csv", ExportRequest.parse("/page_times", "", "0").fileName(DAY));
        assertEquals("live_messages_2026-12-01.csv", ExportRequest.parse("/live_messages", null, null).fileName(DAY));
        assertEquals("auction_custom_2026-12-01.csv", ExportRequest.parse("/custom/auction", null, null).fileName(DAY));
        assertEquals("auction_codebook_2026-12-01.csv", ExportRequest.parse("/codebook/auction", null, null)
                .fileName(DAY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "/apps", "/apps/auction/more", "/all_apps_wide/auction", "/custom", "/wide",
            "/../etc/passwd"})
    void anythingElseIsNoExport(String path) {
        assertEquals(404, assertThrows(ExportRequest.Refused.class, () -> ExportRequest.parse(path, null, null)).status());
    }

    @Test
    void excelIsOneOrZero() {
        assertEquals(400, assertThrows(ExportRequest.Refused.class,
                () -> ExportRequest.parse("/page_times", null, "yes")).status());
    }

    @Test
    void aFileNameCarriesNothingButSafeCharacters() throws Exception {
        assertEquals("a_b_c_custom_2026-12-01.csv", ExportRequest.parse("/custom/a\"b;c", null, null).fileName(DAY));
    }
}
