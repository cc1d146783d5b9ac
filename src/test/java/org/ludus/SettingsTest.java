package org.ludus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A setting that is not what it must be stops the deployment with its name; it is never replaced in silence. */
class SettingsTest {

    private static final String NAME = "ludus.test.setting";

    @AfterEach
    void clear() {
        System.clearProperty(NAME);
    }

    @Test
    void unsetGivesTheDefaultAndAGoodValueIsTaken() {
        assertEquals(7, Settings.positive(NAME, 7));
        System.setProperty(NAME, " 12 ");
        assertEquals(12, Settings.positive(NAME, 7));
        assertEquals(12L, Settings.positiveLong(NAME, 7));
        assertEquals(12, Settings.number(NAME, "LUDUS_TEST_SETTING_UNSET", 3, 0, 20));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1.5", "0", "-4", "99999999999"})
    void aWrongValueStopsTheDeploymentWithTheSettingsName(String value) {
        System.setProperty(NAME, value);
        var error = assertThrows(IllegalStateException.class, () -> Settings.positive(NAME, 7));
        assertTrue(error.getMessage().contains(NAME), error.getMessage());
    }

    @Test
    void aRangeIsChecked() {
        System.setProperty(NAME, "21");
        assertThrows(IllegalStateException.class, () -> Settings.number(NAME, "LUDUS_TEST_SETTING_UNSET", 3, 0, 20));
        System.setProperty(NAME, "0");
        assertEquals(0, Settings.number(NAME, "LUDUS_TEST_SETTING_UNSET", 3, 0, 20));
    }
}
