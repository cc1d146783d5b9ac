package org.ludus.page;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ludus.Languages;

/**
 * Page forms: turns submitted text into typed field values, checks them (required, choices, Bean Validation
 * on the entity field), and describes fields for the template.
 */
@ApplicationScoped
public class Forms {

    @Inject
    ValidatorFactory validation;

    /** A validator per language, whose messages (Bean Validation's own and {key}s of ValidationMessages) are in it. */
    private final Map<Locale, Validator> validators = new ConcurrentHashMap<>();

    /** One field as the template shows it. */
    public record FieldView(String name, String label, String input, String value, List<String> choices,
            String error, String min, String max, String step) {
    }

    /** The outcome of reading a form: valid values by field name, and an error per invalid field. */
    public record Submission(Map<String, Object> values, Map<String, String> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /** Reads the form; the errors are in the participant's language. */
    public Submission read(Object model, List<String> names, Map<String, String[]> form, Locale locale) {
        Validator validator = validators.computeIfAbsent(locale, this::validatorIn);
        var values = new LinkedHashMap<String, Object>();
        var errors = new LinkedHashMap<String, String>();
        for (String name : names) {
            Field field = field(model.getClass(), name);
            String[] submitted = form.get(name);
            String text = submitted == null || submitted.length == 0 ? "" : submitted[0].trim();
            FormField meta = field.getAnnotation(FormField.class);
            try {
                Object value = convert(field.getType(), text);
                if (value == null && !(meta != null && meta.blank())) {
                    errors.put(name, Languages.text(locale, "form.required"));
                    continue;
                }
                if (value != null && meta != null && meta.choices().length > 0
                        && !Arrays.asList(meta.choices()).contains(text)) {
                    errors.put(name, Languages.text(locale, "form.choice"));
                    continue;
                }
                @SuppressWarnings({"unchecked", "rawtypes"})
                var violations = validator.validateValue((Class) model.getClass(), name, value);
                if (!violations.isEmpty()) {
                    errors.put(name, ((ConstraintViolation<?>) violations.iterator().next()).getMessage());
                    continue;
                }
                values.put(name, value);
            } catch (NumberFormatException e) {
                errors.put(name, Languages.text(locale, "form.number"));
            }
        }
        return new Submission(values, errors);
    }

    private Validator validatorIn(Locale locale) {
        MessageInterpolator interpolator = validation.getMessageInterpolator();
        return validation.usingContext().messageInterpolator(new MessageInterpolator() {
            @Override
            public String interpolate(String template, Context context) {
                return interpolator.interpolate(template, context, locale);
            }

            @Override
            public String interpolate(String template, Context context, Locale ignored) {
                return interpolator.interpolate(template, context, locale);
            }
        }).getValidator();
    }

    public void apply(Object model, Map<String, Object> values) {
        values.forEach((name, value) -> {
            try {
                Field field = field(model.getClass(), name);
                field.set(model, value);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public List<FieldView> views(Object model, List<String> names, Map<String, String[]> form,
            Map<String, String> errors) {
        var views = new ArrayList<FieldView>();
        for (String name : names) {
            Field field = field(model.getClass(), name);
            FormField meta = field.getAnnotation(FormField.class);
            String label = meta != null && !meta.label().isEmpty() ? meta.label() : name;
            List<String> choices = meta != null ? List.of(meta.choices()) : List.of();
            String value;
            if (form != null && form.get(name) != null) {
                value = form.get(name)[0];
            } else {
                value = currentValue(model, field);
            }
            Class<?> type = field.getType();
            boolean number = Number.class.isAssignableFrom(box(type));
            String input = !choices.isEmpty() ? "radio" : box(type) == Boolean.class ? "checkbox"
                    : number ? "number" : "text";
            Min min = field.getAnnotation(Min.class);
            Max max = field.getAnnotation(Max.class);
            DecimalMin decimalMin = field.getAnnotation(DecimalMin.class);
            DecimalMax decimalMax = field.getAnnotation(DecimalMax.class);
            String minText = min != null ? String.valueOf(min.value()) : decimalMin != null ? decimalMin.value() : null;
            String maxText = max != null ? String.valueOf(max.value()) : decimalMax != null ? decimalMax.value() : null;
            String step = number ? (isWhole(type) ? "1" : "any") : null;
            views.add(new FieldView(name, label, input, value, choices, errors.get(name), minText, maxText, step));
        }
        return views;
    }

    private static String currentValue(Object model, Field field) {
        try {
            Object value = field.get(model);
            return value == null ? "" : value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    static Object convert(Class<?> type, String text) {
        Class<?> boxed = box(type);
        if (boxed == Boolean.class) {
            return "on".equals(text) || "true".equalsIgnoreCase(text) || "1".equals(text);
        }
        if (text.isEmpty()) {
            return null;
        }
        if (boxed == String.class) {
            return text;
        }
        if (boxed == Integer.class) {
            return Integer.valueOf(text);
        }
        if (boxed == Long.class) {
            return Long.valueOf(text);
        }
        if (boxed == Double.class) {
            return Double.valueOf(text);
        }
        if (boxed == BigDecimal.class) {
            return new BigDecimal(text);
        }
        throw new IllegalStateException("form fields of type " + type.getName() + " are not supported");
    }

    private static boolean isWhole(Class<?> type) {
        Class<?> boxed = box(type);
        return boxed == Integer.class || boxed == Long.class;
    }

    private static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return switch (type.getName()) {
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "double" -> Double.class;
            case "boolean" -> Boolean.class;
            default -> type;
        };
    }

    static Field field(Class<?> type, String name) {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            try {
                Field field = current.getDeclaredField(name);
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new IllegalStateException(type.getName() + " has no field '" + name + "' for the form");
    }
}
