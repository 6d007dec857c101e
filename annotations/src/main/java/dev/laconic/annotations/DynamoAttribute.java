package dev.laconic.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the DynamoDB attribute a record component, constructor parameter or JavaBean property is
 * read from, when it differs from the Java name.
 *
 * <pre>
 * public record Order(&#64;DynamoAttribute("pk") String id, int quantity) {}
 * </pre>
 *
 * <p>On a JavaBean, put it on the setter or on the field of the same name.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD,
    ElementType.METHOD})
public @interface DynamoAttribute {

  /** The attribute name, exactly as stored in the item (names are case-sensitive). */
  String value();
}
