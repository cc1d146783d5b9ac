package org.ludus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Ludus's own texts: one complete bundle per supported language, each found by Java's own lookup. */
class LanguagesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");
    /** An apostrophe that MessageFormat would take as a quote: a single one, not doubled. */
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    static java.util.List<String> translated() {
        return Languages.SUPPORTED.stream().filter(tag -> !tag.equals("en")).toList();
    }

    @ParameterizedTest
    @MethodSource("translated")
    void everyTranslationHasExactlyTheKeysOfTheEnglishBundle(String tag) throws IOException {
        Properties english = file("");
        Properties translation = file(fileSuffix(tag));
        assertEquals(new TreeSet<>(english.stringPropertyNames()), new TreeSet<>(translation.stringPropertyNames()),
                "the keys of messages" + fileSuffix(tag) + ".properties");
        for (String key : english.stringPropertyNames()) {
            String text = translation.getProperty(key);
            assertFalse(text.isBlank(), tag + " " + key + " is empty");
            assertEquals(placeholders(english.getProperty(key)), placeholders(text), tag + " " + key + ": placeholders");
        }
    }

    @ParameterizedTest
    @MethodSource("translated")
    void translationsAreTranslatedNotCopied(String tag) throws IOException {
        Properties english = file("");
        Properties translation = file(fileSuffix(tag));
        long same = english.stringPropertyNames().stream()
                .filter(key -> english.getProperty(key).equals(translation.getProperty(key))).count();
        assertTrue(same <= 2, tag + ": " + same + " texts are the English ones"); // "Error {0}" is Spanish too
    }

    @Test
    void everyTextIsAValidPatternWhereItIsFormatted() throws IOException {
        for (String tag : Languages.SUPPORTED) {
            Properties texts = tag.equals("en") ? file("") : file(fileSuffix(tag));
            for (String key : texts.stringPropertyNames()) {
                String text = texts.getProperty(key);
                if (placeholders(text).isEmpty()) {
                    // shown as it is: a doubled apostrophe would show doubled
                    assertFalse(text.contains("''"), tag + " " + key + " has '' but no placeholder: " + text);
                } else {
                    assertFalse(LONE_APOSTROPHE.matcher(text).find(), tag + " " + key + ": write ' as '' in " + text);
                    String formatted = new MessageFormat(text, Locale.forLanguageTag(tag)).format(new Object[] {"§"});
                    assertTrue(formatted.contains("§"), tag + " " + key + " formats to " + formatted);
                }
            }
        }
    }

    @Test
    void theEnglishFileAddsNothingToTheBase() throws IOException {
        assertEquals(Set.of(), file("_en").stringPropertyNames());
    }

    @ParameterizedTest
    @MethodSource("translated")
    void javaFindsEachLanguagesOwnBundle(String tag) {
        ResourceBundle bundle = Languages.texts(Locale.forLanguageTag(tag));
        assertEquals(Locale.forLanguageTag(tag).getLanguage(), bundle.getLocale().getLanguage(), tag);
        assertFalse(bundle.getString("next_button").equals("Next"), tag + " says Next");
    }

    @Test
    void simplifiedChineseIsTheZhHansFileForZhHansAndForChinaAlike() {
        ResourceBundle hans = Languages.texts(Locale.forLanguageTag("zh-Hans"));
        assertEquals("zh__#Hans", hans.getLocale().toString());
        assertEquals("下一页", hans.getString("next_button"));
        assertEquals("下一页", Languages.texts(Locale.forLanguageTag("zh-CN")).getString("next_button"));
        assertEquals("下一页", Languages.text(Languages.locale("zh-hans"), "next_button"));
    }

    @Test
    void anEnglishPageIsEnglishWhateverTheJvmsDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            ResourceBundle.clearCache(Languages.class.getClassLoader());
            assertEquals("Next", Languages.text(Locale.ENGLISH, "next_button"));
            assertEquals("Next", Languages.text(Locale.forLanguageTag("en-GB"), "next_button"));
        } finally {
            Locale.setDefault(before);
            ResourceBundle.clearCache(Languages.class.getClassLoader());
        }
    }

    @Test
    void placeholdersAreFilledInTheLanguagesNumberFormat() {
        assertEquals("Zu viele falsche Passwörter. Versuchen Sie es in 1.200 s erneut.",
                Languages.text(Locale.GERMAN, "room.error.throttled", 1200));
        assertEquals("Too many wrong passwords. Try again in 1,200 s.",
                Languages.text(Locale.ENGLISH, "room.error.throttled", 1200));
    }

    @ParameterizedTest
    @ValueSource(strings = {"xx", "klingon", "", " ", "de-", "zh-Hant", "zh", "xx-DE", "en-x-very-long-private-use-tag-indeed"})
    void languagesWithoutTextsAreNotSupported(String tag) {
        assertEquals(Optional.empty(), Languages.supported(tag));
    }

    @Test
    void supportedTagsAreSpelledAsTheListSpellsThem() {
        assertEquals(Optional.of("zh-Hans"), Languages.supported("zh-hans"));
        assertEquals(Optional.of("zh-Hans"), Languages.supported("zh_Hans"));
        assertEquals(Optional.of("de"), Languages.supported("DE"));
        // a region is its language's: oTree's LANGUAGE_CODE = 'en-us', de-DE, pt_BR; Simplified Chinese by region
        assertEquals(Optional.of("en"), Languages.supported("en-us"));
        assertEquals(Optional.of("de"), Languages.supported("de-DE"));
        assertEquals(Optional.of("pt"), Languages.supported("pt_BR"));
        assertEquals(Optional.of("zh-Hans"), Languages.supported("zh-CN"));
        assertEquals(Optional.of("zh-Hans"), Languages.supported("zh-Hans-SG"));
        assertEquals(Optional.empty(), Languages.supported("zh-TW"), "Traditional Chinese has no texts");
        assertEquals("en", Languages.serverDefault()); // no LUDUS_LANGUAGE in the build
    }

    /** The file name's suffix Java's lookup finds for a tag: _de, and _zh_Hans for zh-Hans. */
    private static String fileSuffix(String tag) {
        var control = ResourceBundle.Control.getControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        Locale locale = Locale.forLanguageTag(tag);
        return control.toBundleName("", locale);
    }

    private static Properties file(String suffix) throws IOException {
        String name = Languages.BUNDLE + suffix + ".properties";
        try (InputStream in = LanguagesTest.class.getClassLoader().getResourceAsStream(name)) {
            assertNotNull(in, name + " is missing");
            var properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }

    private static Set<String> placeholders(String text) {
        var found = new TreeSet<String>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
