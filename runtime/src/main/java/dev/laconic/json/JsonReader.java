package dev.laconic.json;

import com.fasterxml.jackson.core.JsonParser;
import dev.laconic.stream.AttributePath;
import java.io.IOException;

/**
 * Reads one JSON value as a Java value: what generated readers hand to {@link JsonValues#readList}
 * and friends for the elements of a collection, and to {@link JsonValues#read} for a document.
 *
 * @param <T> the Java type
 */
@FunctionalInterface
public interface JsonReader<T> {

  /**
   * Reads the value whose first token is the parser's current token, leaving the parser on its
   * last token ({@code END_OBJECT} or {@code END_ARRAY} for a structure).
   *
   * @param path where the value sits, for messages
   */
  T read(JsonParser parser, AttributePath path) throws IOException;
}
