package dev.laconic.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the classes Laconic generates (adapters, record mappers, JSON readers) in their class
 * files, so that coverage tools leave them out: JaCoCo skips a class annotated with a CLASS- or
 * RUNTIME-retention annotation whose simple name contains {@code Generated}, and the standard
 * {@code javax.annotation.processing.Generated}, which generated classes carry too, is
 * SOURCE-retention and so invisible to it. Not for hand-written code.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface LaconicGenerated {}
