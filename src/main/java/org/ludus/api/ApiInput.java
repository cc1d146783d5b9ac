package org.ludus.api;

import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.json.stream.JsonParser;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;
import org.ludus.JsonText;
import org.ludus.StrictJson;

/**
 * Reads every JSON body the REST API takes (its request records), so that nothing a client sends reaches a
 * resource unchecked: at most {@link #MAX_BODY_BYTES}, nested at most {@link #MAX_DEPTH} deep, well-formed,
 * of the record's shape with nothing converted lossily ({@link StrictJson}: 4294967299 is no int, "3" no
 * number), and within the record's Bean Validation limits. Anything else is a 400 with a message that names
 * the field, never a binding error's text or a stack trace.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
@jakarta.annotation.Priority(1) // before the server's own JSON-B reader, which GlassFish's Jersey might choose instead
public class ApiInput implements MessageBodyReader<Object> {

    static final int MAX_BODY_BYTES = 256 * 1024;
    static final int MAX_DEPTH = 32;

    private static final Jsonb SNAKE_CASE = JsonbBuilder.create(new JsonbConfig()
            .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES));

    @Inject
    Validator validator;

    private static BadRequestException tooLarge() {
        return new BadRequestException("the request body is over " + MAX_BODY_BYTES / 1024 + " KiB");
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord() && type.getPackageName().equals(ApiInput.class.getPackageName());
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        // a declared length over the limit is refused unread (over the listener's max-post-size, a read would fail)
        String declared = headers.getFirst("Content-Length");
        if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return null; // no body: the resource says what it needs
        }
        JsonValue json = parse(text);
        try {
            StrictJson.checkSnakeCase(json, genericType);
        } catch (StrictJson.Mismatch mismatch) {
            throw new BadRequestException(mismatch.getMessage());
        }
        Object request;
        try {
            request = SNAKE_CASE.fromJson(text, genericType);
        } catch (JsonbException e) {
            throw new BadRequestException("the request body does not fit " + type.getSimpleName());
        }
        Set<ConstraintViolation<Object>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new BadRequestException(violations.stream()
                    .map(v -> snakeCase(v.getPropertyPath().toString()) + " " + v.getMessage())
                    .sorted().collect(Collectors.joining("; ")));
        }
        return request;
    }

    /** Well-formed and not nested too deep (checked while streaming, before anything is built). */
    private static JsonValue parse(String text) {
        try (JsonParser parser = JsonText.parser(text)) {
            int depth = 0;
            while (parser.hasNext()) {
                switch (parser.next()) {
                    case START_OBJECT, START_ARRAY -> {
                        if (++depth > MAX_DEPTH) {
                            throw new BadRequestException("the request body is nested more than " + MAX_DEPTH
                                    + " levels deep");
                        }
                    }
                    case END_OBJECT, END_ARRAY -> depth--;
                    default -> {
                    }
                }
            }
        } catch (RuntimeException e) {
            if (e instanceof BadRequestException) {
                throw e;
            }
            throw new BadRequestException("the request body is not well-formed JSON");
        }
        return JsonText.readValue(text);
    }

    static String snakeCase(String javaPath) {
        return javaPath.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }
}
