package dev.laconic.local.filter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The filters of one event source mapping: a record passes if it matches any pattern, and every
 * record passes when there is none. Each pattern is matched by an event-ruler machine of its own
 * ({@link FilterPattern}); number literals are compared here, by their spelling, as Lambda
 * documents, on the numbers read once from the record's text.
 */
public final class FilterCriteria {

  private static final JsonFactory JSON = new JsonFactory();

  private final List<FilterPattern> patterns;
  private final Set<String> spelledPaths = new HashSet<>();

  private FilterCriteria(List<FilterPattern> patterns) {
    this.patterns = List.copyOf(patterns);
    patterns.forEach(pattern -> spelledPaths.addAll(pattern.spelledPaths()));
  }

  /**
   * Criteria of the patterns as written in the template's {@code FilterCriteria.Filters}.
   *
   * @throws IllegalArgumentException for a pattern Lambda refuses
   */
  public static FilterCriteria of(List<String> patterns) {
    return new FilterCriteria(patterns.stream().map(FilterPattern::parse).toList());
  }

  /** Whether the mapping passes {@code record}, its UTF-8 JSON as the function receives it. */
  public boolean passes(byte[] record) {
    return patterns.isEmpty() || matches(new String(record, StandardCharsets.UTF_8));
  }

  /** Whether {@code record}, a JSON object's text, matches any pattern. */
  public boolean matches(String record) {
    Map<String, Set<String>> numbers = spelledPaths.isEmpty() ? Map.of() : numbers(record);
    try {
      for (FilterPattern pattern : patterns) {
        if (pattern.matches(record, numbers)) {
          return true;
        }
      }
      return false;
    } catch (Exception e) {
      throw new IllegalArgumentException("the record is no JSON object: " + record, e);
    }
  }

  /** The spelling of every number at the paths number literals name; arrays join their path. */
  private Map<String, Set<String>> numbers(String record) {
    Map<String, Set<String>> numbers = new HashMap<>();
    try (JsonParser parser = JSON.createParser(record)) {
      parser.nextToken();
      collect(parser, "", numbers);
    } catch (IOException e) {
      throw new IllegalArgumentException("the record is no JSON object: " + record, e);
    }
    return numbers;
  }

  private void collect(JsonParser parser, String path, Map<String, Set<String>> numbers)
      throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        collect(parser, path.isEmpty() ? name : path + "." + name, numbers);
      }
    } else if (token == JsonToken.START_ARRAY) {
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        collect(parser, path, numbers);
      }
    } else if (token.isNumeric() && spelledPaths.contains(path)) {
      numbers.computeIfAbsent(path, p -> new HashSet<>()).add(parser.getText());
    }
  }
}
