package org.ludus.live;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/protocol.md's example error is the text the server sends, not an approximation of it. */
class ProtocolDocTest {

    @Test
    void theNotOnPageExampleIsWhatTheServerSends() throws Exception {
        String doc = Files.readString(Path.of("docs/protocol.md"));
        String example = "{\"type\":\"error\",\"id\":3,\"code\":\"not_on_page\",\"message\":\""
                + LiveDispatcher.onAnotherPage(4, 3) + "\"}";
        assertTrue(doc.contains(example), "docs/protocol.md should show " + example);
    }
}
