package org.ludus.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.bind.JsonbBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class DictTest {

    @Test
    void keepsItsKeysInOrderAndTakesNullValues() throws Exception {
        Dict dict = Dict.of("board", "X        ", "winner", null).with("error", "It is not your turn.");
        assertEquals(List.of("board", "winner", "error"), List.copyOf(dict.keySet()));
        try (var jsonb = JsonbBuilder.create()) {
            assertEquals("{\"board\":\"X        \",\"winner\":null,\"error\":\"It is not your turn.\"}",
                    jsonb.toJson(dict));
        }
    }

    @Test
    void aLaterValueReplacesAnEarlierOne() {
        assertEquals("proposal", Dict.of("type", "proposals", "proposal_1", 60).with("type", "proposal").get("type"));
    }

    @Test
    void refusesAnOddCountOrAKeyThatIsNotText() {
        assertThrows(IllegalArgumentException.class, () -> Dict.of("board"));
        assertThrows(IllegalArgumentException.class, () -> Dict.of(1, "one"));
    }
}
