package org.ludus.session;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;

/** Stores a {@code vars} map (participant.vars, session.vars) as JSON text. */
@Converter
public class JsonMapConverter implements AttributeConverter<Map<String, Object>, String> {

    /** Column length for JSON text: a long varchar (not a LOB, which PostgreSQL would keep out of the row). */
    public static final int MAX_JSON = 1_000_000;

    private static final Jsonb JSONB = JsonbBuilder.create();
    static final Type MAP_TYPE = new LinkedHashMap<String, Object>() { }.getClass().getGenericSuperclass();

    @Override
    public String convertToDatabaseColumn(Map<String, Object> vars) {
        return vars == null || vars.isEmpty() ? "{}" : JSONB.toJson(vars);
    }

    @Override
    public Map<String, Object> convertToEntityAttribute(String json) {
        return json == null || json.isBlank() ? new LinkedHashMap<>() : JSONB.fromJson(json, MAP_TYPE);
    }
}
