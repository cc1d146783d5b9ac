package org.ludus.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ludus.schema.SchemaMigrations.Mode;

/** LUDUS_SCHEMA: production unless a server says otherwise, and a wrong word stops the deployment with the name. */
class SchemaModeTest {

    @AfterEach
    void clear() {
        System.clearProperty("ludus.schema");
    }

    @Test
    void unsetIsProduction() {
        assertEquals(Mode.VALIDATE, Mode.current());
    }

    @Test
    void eitherWordInAnyCase() {
        System.setProperty("ludus.schema", " Update ");
        assertEquals(Mode.UPDATE, Mode.current());
        System.setProperty("ludus.schema", "validate");
        assertEquals(Mode.VALIDATE, Mode.current());
    }

    @Test
    void anyOtherWordIsRefusedByName() {
        System.setProperty("ludus.schema", "create-drop");
        var refused = assertThrows(IllegalStateException.class, Mode::current);
        assertTrue(refused.getMessage().contains("LUDUS_SCHEMA") && refused.getMessage().contains("create-drop"),
                refused.getMessage());
    }
}
