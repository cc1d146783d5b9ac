package org.ludus.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A participant's error page says the reason of its status in their language (the API's stay English). */
class ErrorPageTest {

    @Test
    void theReasonOfAStatusIsInThePagesLanguage() {
        assertEquals("This method is not allowed here.", ErrorPage.reason(405, Locale.ENGLISH));
        assertEquals("Diese Methode ist hier nicht erlaubt.", ErrorPage.reason(405, Locale.GERMAN));
        assertEquals("La requête est trop volumineuse.", ErrorPage.reason(413, Locale.FRENCH));
        assertEquals("无法响应该请求（418）。", ErrorPage.reason(418, Locale.forLanguageTag("zh-Hans")));
    }
}
