package org.ludus.export;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a player or group field means, for the codebook that comes with the exports (oTree's {@code doc=}).
 * A field without it is described by its form label ({@code @FormField(label = …)}), if any.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Doc {

    String value();
}
