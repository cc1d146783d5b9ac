package org.ludus.export.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportManifestTest {

    @TempDir
    Path folder;

    @Test
    void aFilesRowsAndHashComeFromOnePass() throws Exception {
        String csv = "a,b\r\n1,\"two\r\nlines\"\r\n3,4\r\n";
        Path file = Files.writeString(folder.resolve("x.csv"), csv, StandardCharsets.UTF_8);
        var facts = ExportManifest.facts(file);
        assertEquals(2, facts.rows(), "a quoted line break is no row");
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(csv.getBytes(StandardCharsets.UTF_8))), facts.sha256());

        Path lines = Files.writeString(folder.resolve("x.jsonl"), "{\"a\":1}\n{\"a\":\"x\\ny\"}\n");
        assertEquals(2, ExportManifest.facts(lines).rows());
    }
}
