package org.kontor.common;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.hibernate.annotations.IdGeneratorType;

/**
 * An id from a database sequence, handed out in blocks of {@link #allocationSize()} (as JPA's
 * {@code @SequenceGenerator}), which a use case may also draw before it persists the entity ({@link EntityIds}).
 */
@IdGeneratorType(PooledSequenceGenerator.class)
@Retention(RUNTIME)
@Target(FIELD)
public @interface PooledSequence {
    /** The sequence's name. */
    String value();

    int allocationSize() default 50;
}
