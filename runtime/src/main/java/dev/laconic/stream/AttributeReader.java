package dev.laconic.stream;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;

/**
 * Reads one attribute value as a Java value: what generated mappers hand to
 * {@link Attributes#readList} and friends for the elements of a collection.
 *
 * @param <T> the Java type
 */
@FunctionalInterface
public interface AttributeReader<T> {

  /**
   * @param value the attribute value, null when the attribute is missing
   * @param path where the value sits, for messages
   */
  T read(AttributeValue value, AttributePath path);
}
