package org.ludus.export.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ByteRangeTest {

    @Test
    void theThreeFormsOfOneRange() {
        assertEquals(Optional.of(new ByteRange(10, 19, false)), ByteRange.parse("bytes=10-19", 100));
        assertEquals(Optional.of(new ByteRange(90, 99, false)), ByteRange.parse("bytes=90-", 100));
        assertEquals(Optional.of(new ByteRange(70, 99, false)), ByteRange.parse("bytes=-30", 100));
        assertEquals(Optional.of(new ByteRange(0, 99, false)), ByteRange.parse("bytes=-300", 100), "more than the file");
        assertEquals(Optional.of(new ByteRange(50, 99, false)), ByteRange.parse("bytes=50-500", 100), "clipped");
    }

    @Test
    void beyondTheEndIsUnsatisfiable() {
        assertTrue(ByteRange.parse("bytes=100-", 100).orElseThrow().unsatisfiable());
        assertTrue(ByteRange.parse("bytes=-0", 100).orElseThrow().unsatisfiable());
    }

    @Test
    void whatIsNotOneByteRangeAsksForTheWholeFile() {
        for (String header : new String[] {null, "items=1-2", "bytes=1-2,5-6", "bytes=abc", "bytes=9-3", "bytes=5",
                "bytes=99999999999999999999-", "bytes=-99999999999999999999", "bytes=-5-6"}) {
            assertEquals(Optional.empty(), ByteRange.parse(header, 100), header);
        }
    }
}
