package org.ludus.page;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Pebble templates from the class path. Pebble's syntax is Django/Jinja's ({{ x }}, {% block %}), so oTree
 * templates port almost unchanged, and it escapes every {{ }} output for HTML unless marked safe.
 * A page is evaluated in its session's language: {@code i18n(…)} and {@code | cu} use it
 * ({@link LanguageExtension}), and {@code html_lang} is its tag, for {@code <html lang>}.
 */
@ApplicationScoped
public class Templates {

    private final PebbleEngine engine = new PebbleEngine.Builder()
            .loader(new ClasspathLoader(Templates.class.getClassLoader()))
            .autoEscaping(true)
            .strictVariables(false)
            .extension(new LanguageExtension())
            .build();

    /** In English: the admin's and the demo's pages, which are not translated. */
    public String render(String template, Map<String, Object> context) {
        return render(template, context, Locale.ENGLISH);
    }

    public String render(String template, Map<String, Object> context, Locale locale) {
        var out = new StringWriter();
        var withLanguage = new HashMap<String, Object>(context);
        withLanguage.put("html_lang", locale.toLanguageTag());
        try {
            engine.getTemplate(template).evaluate(out, withLanguage, locale);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
