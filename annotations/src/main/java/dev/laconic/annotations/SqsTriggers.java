package dev.laconic.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The container of repeated {@link SqsTrigger}s; write the annotation twice instead. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface SqsTriggers {

  /** The repeated triggers, in source order. */
  SqsTrigger[] value();
}
