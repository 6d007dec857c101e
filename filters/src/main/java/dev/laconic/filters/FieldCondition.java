package dev.laconic.filters;

import java.util.List;

/**
 * What a pattern asks of one field of a record: one of {@code matchers} must match its value.
 *
 * @param path the field's names from the record's top, {@code $or} left out
 * @param matchers the acceptable values, never empty
 */
public record FieldCondition(List<String> path, List<Matcher> matchers) {

  public FieldCondition {
    path = List.copyOf(path);
    matchers = List.copyOf(matchers);
  }

  /** The path as Lambda and EventBridge name it: the names joined by dots. */
  public String dottedPath() {
    return String.join(".", path);
  }
}
