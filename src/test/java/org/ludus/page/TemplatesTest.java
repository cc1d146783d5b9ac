package org.ludus.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ludus.session.Currency;

/** Templates are evaluated in the session's language: {@code <html lang>}, Ludus's texts, authors' bundles, amounts. */
class TemplatesTest {

    private final Templates templates = new Templates();

    @Test
    void theFinishedPageIsInThePagesLanguage() {
        String german = templates.render("ludus/Finished.peb", Map.of(), Locale.GERMAN);
        assertTrue(german.contains("<html lang=\"de\">"), german);
        assertTrue(german.contains("Sie haben diese Studie abgeschlossen."), german);
        String chinese = templates.render("ludus/Finished.peb", Map.of(), Locale.forLanguageTag("zh-Hans"));
        assertTrue(chinese.contains("<html lang=\"zh-Hans\">") && chinese.contains("您已完成本研究。"), chinese);
        String english = templates.render("ludus/Finished.peb", Map.of());
        assertTrue(english.contains("<html lang=\"en\">") && english.contains("You have completed this study."),
                english);
    }

    @Test
    void anAuthorsTemplateTakesTheAuthorsBundleInThePagesLanguage() {
        Map<String, Object> context = Map.of("player_id", 3, "amount", Currency.of("1234.5"));
        String german = templates.render("org/ludus/page/Translated.peb", context, Locale.GERMAN);
        assertTrue(german.contains("Hallo, Spieler 3!"), german);
        assertTrue(german.contains("<p id=\"amount\">1.234,50</p>"), german);
        String english = templates.render("org/ludus/page/Translated.peb", context, Locale.ENGLISH);
        assertTrue(english.contains("Hello, player 3!") && english.contains("<p id=\"amount\">1,234.50</p>"), english);
        // a language the author has no file for gets the base file, not the JVM default locale's
        String french = templates.render("org/ludus/page/Translated.peb", context, Locale.FRENCH);
        assertTrue(french.contains("Hello, player 3!"), french);
        assertTrue(french.contains("1\u202f234,50") || french.contains("1\u00a0234,50"), french);
    }

    @Test
    void errorPagesNameTheirCodeInTheLanguage() {
        String page = templates.render("ludus/Error.peb", Map.of("code", 404, "message", "x"), Locale.forLanguageTag("ja"));
        assertTrue(page.contains("エラー 404"), page);
    }

    @Test
    void scriptTextsAreJsonThatCannotEndTheScript() {
        String json = PageFlow.scriptTexts(Locale.GERMAN).toString();
        assertEquals("{\"time_up\":\"Die Zeit ist abgelaufen.\"}", json);
        String hostile = PageFlow.scriptJson(Map.of("x", "</script><!--&")).toString();
        assertFalse(hostile.contains("<") || hostile.contains(">") || hostile.contains("&"), hostile);
        assertEquals("</script><!--&", org.ludus.JsonText.readObject(hostile).getString("x"), "the text is kept");
    }
}
