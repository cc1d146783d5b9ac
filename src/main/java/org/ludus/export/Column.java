package org.ludus.export;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.lang.reflect.Field;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.List;
import org.ludus.page.AppTables.AppField;
import org.ludus.page.FormField;

/**
 * One column of an export file, as the codebook describes it. {@code type} is one of integer, decimal, text,
 * boolean (written 1/0), timestamp (ISO 8601, UTC, milliseconds) or json.
 */
public record Column(String name, String type, String description, List<String> choices, String min, String max) {

    public static Column of(String name, String type, String description) {
        return new Column(name, type, description, List.of(), null, null);
    }

    /** The same column under another name (e.g. with the wide file's "app.round." prefix). */
    public Column named(String newName) {
        return new Column(newName, type, description, choices, min, max);
    }

    /** An app field's entry, under its column name: {@link Doc}, else the form label; choices; Bean Validation limits. */
    public static Column describing(AppField appField) {
        Field field = appField.field();
        Doc doc = field.getAnnotation(Doc.class);
        FormField form = field.getAnnotation(FormField.class);
        String description = doc != null ? doc.value() : form != null ? form.label() : "";
        List<String> choices = form != null && form.choices().length > 0 ? List.of(form.choices())
                : field.getType().isEnum()
                ? Arrays.stream(field.getType().getEnumConstants()).map(String::valueOf).toList() : List.of();
        Min min = field.getAnnotation(Min.class);
        Max max = field.getAnnotation(Max.class);
        DecimalMin decimalMin = field.getAnnotation(DecimalMin.class);
        DecimalMax decimalMax = field.getAnnotation(DecimalMax.class);
        return new Column(appField.column(), typeOf(field.getType()), description, choices,
                min != null ? String.valueOf(min.value()) : decimalMin != null ? decimalMin.value() : null,
                max != null ? String.valueOf(max.value()) : decimalMax != null ? decimalMax.value() : null);
    }

    static String typeOf(Class<?> type) {
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (type == int.class || type == long.class || type == short.class || type == byte.class
                || type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
                || type == BigInteger.class) {
            return "integer";
        }
        if (type == double.class || type == float.class || Number.class.isAssignableFrom(type)) {
            return "decimal";
        }
        if (Temporal.class.isAssignableFrom(type) || java.util.Date.class.isAssignableFrom(type)) {
            return "timestamp";
        }
        if (type == String.class || type == char.class || type == Character.class || type.isEnum()) {
            return "text";
        }
        return "json"; // a converted value (a map, a list), written as the database holds it
    }

    public static List<String> names(List<Column> columns) {
        return columns.stream().map(Column::name).toList();
    }
}
