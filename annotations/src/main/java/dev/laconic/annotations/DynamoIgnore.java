package dev.laconic.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Leaves a record component, constructor parameter or JavaBean property out of the mapping. A
 * component or parameter still needs a value, so the mapper passes {@code null}, {@code 0},
 * {@code false} or {@code Optional.empty()}; a property's setter is not called.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD,
    ElementType.METHOD})
public @interface DynamoIgnore {}
