package org.ludus.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionConfigTest {

    /** Built without {@link SessionConfig#of}, so it declares no ranges at all. */
    private static final SessionConfig BARE = new SessionConfig("bare", "Bare", List.of("auction"), 3,
            BigDecimal.ZERO, BigDecimal.ONE, Map.of("rounds", 2), Map.of());

    @ParameterizedTest
    @ValueSource(ints = {0, -1, -1_000_000})
    void groupsOfNoneOrFewerAreRefusedInEveryConfig(int size) {
        for (SessionConfig config : List.of(BARE, SessionConfig.of("made", "Made", 3, "auction"))) {
            var refusal = assertThrows(SessionCreationException.class,
                    () -> config.modifiedBy(Map.of(SessionConfig.PLAYERS_PER_GROUP, size)));
            assertTrue(refusal.getMessage().startsWith("players_per_group must be from 1 to "), refusal.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 100})
    void aGroupSizeOfOneOrMoreIsTaken(int size) {
        assertEquals(size, BARE.modifiedBy(Map.of(SessionConfig.PLAYERS_PER_GROUP, size)).custom()
                .get(SessionConfig.PLAYERS_PER_GROUP));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -5})
    void otherWholeNumbersWithoutARangeMayBeZeroOrNegative(int value) {
        assertEquals(value, BARE.modifiedBy(Map.of("rounds", value)).custom().get("rounds"));
    }

    @org.junit.jupiter.api.Test
    void everyConfigsLanguageMayBeSetByASessionAndIsSpelledAsLudusSpellsIt() {
        assertEquals(java.util.Optional.empty(), BARE.language());
        assertEquals(java.util.Optional.of("de"), BARE.modifiedBy(Map.of(SessionConfig.LANGUAGE, "de")).language());
        assertEquals("zh-Hans", BARE.modifiedBy(Map.of(SessionConfig.LANGUAGE, "zh-hans")).custom()
                .get(SessionConfig.LANGUAGE));
        SessionConfig german = SessionConfig.of("g", "G", 2, "auction").withLanguage("de");
        assertEquals(java.util.Optional.of("fr"), german.modifiedBy(Map.of(SessionConfig.LANGUAGE, "fr")).language());
        assertEquals("de", german.asMap().get(SessionConfig.LANGUAGE));
        for (Object wrong : java.util.List.of(5, true, java.util.List.of("de"), "de".repeat(5000))) { // type, size
            var refusal = assertThrows(SessionCreationException.class,
                    () -> BARE.modifiedBy(Map.of(SessionConfig.LANGUAGE, wrong)));
            assertTrue(refusal.getMessage().startsWith("language must be one of") && refusal.getMessage().length() < 400,
                    refusal.getMessage());
        }
        assertEquals("en", BARE.modifiedBy(Map.of(SessionConfig.LANGUAGE, "en-US")).custom()
                .get(SessionConfig.LANGUAGE), "oTree's LANGUAGE_CODE 'en-us' is English");
    }

    @ParameterizedTest
    @ValueSource(strings = {"xx", "klingon", "", "zh-TW"})
    void aLanguageWithoutTextsIsRefusedNamingTheField(String language) {
        var refusal = assertThrows(SessionCreationException.class,
                () -> BARE.modifiedBy(Map.of(SessionConfig.LANGUAGE, language)));
        assertTrue(refusal.getMessage().startsWith("language must be one of en, de, es, fr, it, nl, pt, ru, ja, ko,"
                + " zh-Hans"), refusal.getMessage());
        assertTrue(refusal.getMessage().endsWith("not '" + language + "'"), refusal.getMessage());
        var declared = assertThrows(SessionCreationException.class,
                () -> SessionConfig.of("k", "K", 2, "auction").withLanguage(language).language());
        assertEquals(refusal.getMessage(), declared.getMessage());
    }

    @org.junit.jupiter.api.Test
    void aLanguageIsAText() {
        var refusal = assertThrows(SessionCreationException.class,
                () -> BARE.modifiedBy(Map.of(SessionConfig.LANGUAGE, 7)));
        assertTrue(refusal.getMessage().startsWith("language must be one of") && refusal.getMessage().endsWith("not 7"),
                refusal.getMessage());
    }
}
