package dev.laconic.stream;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * Reads one attribute value straight from the event's JSON as a Java value: what generated
 * mappers hand to the run-time collection readers for the elements of a list, set or map.
 *
 * <p>On entry the parser's current token is the value's first token: the {@code START_OBJECT}
 * of an attribute value such as {@code {"S": "text"}}, or a JSON {@code null}. On return the
 * current token is the value's last: its {@code END_OBJECT}, or the {@code null}.
 *
 * @param <T> the Java type
 */
@FunctionalInterface
public interface AttributeJsonReader<T> {

  /**
   * @param parser positioned at the value's first token
   * @param path where the value sits, for messages
   * @throws MappingException when the value does not fit the Java type
   */
  T read(JsonParser parser, AttributePath path) throws IOException;
}
