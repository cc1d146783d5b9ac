package org.ludus;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;

/**
 * JSON-P through one provider looked up once. {@code Json.createReader} and friends look the provider up
 * (ServiceLoader, a class path scan) on every call, which profiling showed on the live path's every frame.
 */
public final class JsonText {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private JsonText() {
    }

    public static JsonObject readObject(String text) {
        try (var reader = PROVIDER.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    public static JsonValue readValue(String text) {
        try (var reader = PROVIDER.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    /** A streaming parser, for reading a little of a large text. */
    public static JsonParser parser(String text) {
        return PROVIDER.createParser(new StringReader(text));
    }

    /** The provider itself, for what the methods here do not cover (JSON values of every type, builders). */
    public static JsonProvider provider() {
        return PROVIDER;
    }

    public static JsonObjectBuilder object() {
        return PROVIDER.createObjectBuilder();
    }
}
