package org.ludus.page;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Pebble templates from the class path. Pebble's syntax is Django/Jinja's ({{ x }}, {% block %}), so oTree
 * templates port almost unchanged, and it escapes every {{ }} output for HTML unless marked safe.
 */
@ApplicationScoped
public class Templates {

    private final PebbleEngine engine = new PebbleEngine.Builder()
            .loader(new ClasspathLoader(Templates.class.getClassLoader()))
            .autoEscaping(true)
            .strictVariables(false)
            .build();

    public String render(String template, Map<String, Object> context) {
        var out = new StringWriter();
        try {
            engine.getTemplate(template).evaluate(out, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
