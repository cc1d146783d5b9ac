package org.ludus;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The languages participants may see (oTree's LANGUAGE_CODE): a session's config may name one ({@code language}),
 * else the server's ({@code -Dludus.language} or {@code LUDUS_LANGUAGE}, default {@code en}). Ludus's own texts
 * are the bundle {@link #BUNDLE} ({@code ludus/i18n/messages*.properties}, UTF-8), one file per language here.
 */
public final class Languages {

    /** Ludus's own texts, as Pebble's {@code i18n} function names the bundle. */
    public static final String BUNDLE = "ludus/i18n/messages";

    /** BCP 47 tags, as a config names them; each has a bundle (LanguagesTest checks both ways). */
    public static final List<String> SUPPORTED = List.of("en", "de", "es", "fr", "it", "nl", "pt", "ru", "ja", "ko",
            "zh-Hans");

    /**
     * Looks up only the bundles of the language itself and the base one (English), never those of the JVM's
     * default locale: an English session on a server started with {@code LANG=de_DE} stays English.
     */
    public static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** language[-Script][-REGION], as BCP 47 writes them; nothing else (extensions, private use) is read. */
    private static final java.util.regex.Pattern LANGUAGE_SCRIPT_REGION =
            java.util.regex.Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?");

    private static final String SERVER_DEFAULT = checkedServerDefault();

    private Languages() {
    }

    /** The server's language: LUDUS_LANGUAGE, default en; one Ludus has no texts for stops the deployment. */
    public static String serverDefault() {
        return SERVER_DEFAULT;
    }

    private static String checkedServerDefault() {
        Optional<String> configured = Settings.text("ludus.language", "LUDUS_LANGUAGE");
        return configured.map(tag -> supported(tag).orElseThrow(() -> new IllegalStateException(
                "ludus.language / LUDUS_LANGUAGE must be one of " + String.join(", ", SUPPORTED) + ", not '" + tag
                        + "'"))).orElse("en");
    }

    /**
     * The tag as {@link #SUPPORTED} spells it ("zh-hans" is "zh-Hans"), or empty if Ludus has no texts for it. A
     * tag with a region is its language's (oTree's {@code 'en-us'}, {@code de-DE}, {@code pt_BR}); Chinese of
     * mainland China or Singapore is Simplified Chinese, other Chinese (Traditional) is not supported.
     */
    public static Optional<String> supported(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        String written = tag.strip().replace('_', '-');
        Optional<String> exact = SUPPORTED.stream().filter(known -> known.equalsIgnoreCase(written)).findFirst();
        if (exact.isPresent() || !LANGUAGE_SCRIPT_REGION.matcher(written).matches()) {
            return exact;
        }
        Locale locale = Locale.forLanguageTag(written);
        if (locale.getLanguage().equals("zh")) {
            return locale.getScript().equals("Hans") || List.of("CN", "SG").contains(locale.getCountry())
                    ? Optional.of("zh-Hans") : Optional.empty();
        }
        return SUPPORTED.stream().filter(known -> known.equals(locale.getLanguage())).findFirst();
    }

    /** The language a session shows: its own (when it has one Ludus knows), else the server's. */
    public static String orDefault(String tag) {
        return supported(tag).orElse(SERVER_DEFAULT);
    }

    public static Locale locale(String tag) {
        return Locale.forLanguageTag(orDefault(tag));
    }

    /** Ludus's own texts in this locale. */
    public static ResourceBundle texts(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, Languages.class.getClassLoader(), NO_FALLBACK);
    }

    /** One of Ludus's own texts, its {0}, {1}… filled in (MessageFormat, in the locale's number format). */
    public static String text(Locale locale, String key, Object... params) {
        return format(BUNDLE, locale, key, params);
    }

    /**
     * A text of any bundle (Ludus's or an author's, Pebble's {@code i18n}) in this locale, without the JVM's
     * default locale as a fallback, its {0}, {1}… filled in by MessageFormat in the locale's number format.
     *
     * @throws MissingResourceException if the bundle has no such text
     */
    public static String format(String bundle, Locale locale, String key, Object... params) {
        String pattern = ResourceBundle.getBundle(bundle, locale, Languages.class.getClassLoader(), NO_FALLBACK)
                .getString(key);
        return params.length == 0 ? pattern : new MessageFormat(pattern, locale).format(params);
    }
}
