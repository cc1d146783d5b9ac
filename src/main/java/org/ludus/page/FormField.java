package org.ludus.page;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a player or group field appears in a form. Limits come from Bean Validation annotations on the same
 * field ({@code @Min}, {@code @Max}, {@code @DecimalMin}, {@code @Size}, …), checked on submit.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface FormField {

    String label() default "";

    /** Allowed values; shown as radio buttons. */
    String[] choices() default {};

    /** True: the field may be left empty (oTree's blank=True). */
    boolean blank() default false;
}
