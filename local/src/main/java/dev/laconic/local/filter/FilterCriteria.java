package dev.laconic.local.filter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.event.ruler.Machine;

/**
 * The filters of one event source mapping: a record passes if it matches any pattern, and every
 * record passes when there is none. One event-ruler machine holds every pattern's operators and
 * string literals, so a record is read once whatever their number.
 *
 * <p>Number literals are compared here, by their spelling, as Lambda documents: event-ruler
 * compares them by value, and once a field has a numeric range anywhere in a machine it no
 * longer matches a number's text on that field at all. So each alternative of a pattern that
 * lists numbers is split: the conditions event-ruler can judge go to the machine under a name of
 * their own, the number literals are checked on the record's text, and the alternative matches
 * when both hold. A condition listing numbers and other values is an OR, so it yields two
 * alternatives: one where its other values match, one where a number does.
 */
public final class FilterCriteria {

  private static final JsonFactory JSON = new JsonFactory();

  private final Machine machine = new Machine();
  private final List<Alternative> alternatives = new ArrayList<>();
  private final Set<String> spelledPaths = new HashSet<>();

  /** One alternative: a rule of the machine (null: none) and number literals by path. */
  private record Alternative(String rule, Map<String, Set<String>> numbers) {}

  private FilterCriteria(List<FilterPattern> patterns) {
    for (FilterPattern pattern : patterns) {
      for (FilterPattern.Alternative alternative : pattern.alternatives()) {
        String rule = alternative.byRuler().isEmpty() ? null
            : String.valueOf(alternatives.size());
        if (rule != null) {
          machine.addPatternRule(rule, alternative.byRuler());
        }
        alternatives.add(new Alternative(rule, alternative.numbers()));
        spelledPaths.addAll(alternative.numbers().keySet());
      }
    }
  }

  /**
   * Criteria of the patterns as written in the template's {@code FilterCriteria.Filters}.
   *
   * @throws IllegalArgumentException for a pattern Lambda refuses
   */
  public static FilterCriteria of(List<String> patterns) {
    return new FilterCriteria(patterns.stream().map(FilterPattern::parse).toList());
  }

  /** Whether the mapping passes {@code record} (as the function would receive it). */
  public boolean passes(JsonNode record) {
    return alternatives.isEmpty() || matches(record.toString());
  }

  /** Whether {@code record}, a JSON object's text, matches any pattern. */
  public boolean matches(String record) {
    List<String> matched;
    try {
      matched = machine.rulesForJSONEvent(record);
    } catch (Exception e) {
      throw new IllegalArgumentException("the record is no JSON object: " + record, e);
    }
    Map<String, Set<String>> spellings = spelledPaths.isEmpty() ? Map.of() : numbers(record);
    for (Alternative alternative : alternatives) {
      if ((alternative.rule() == null || matched.contains(alternative.rule()))
          && spelledAsListed(alternative.numbers(), spellings)) {
        return true;
      }
    }
    return false;
  }

  private static boolean spelledAsListed(Map<String, Set<String>> listed,
      Map<String, Set<String>> spellings) {
    for (Map.Entry<String, Set<String>> field : listed.entrySet()) {
      Set<String> found = spellings.getOrDefault(field.getKey(), Set.of());
      if (found.stream().noneMatch(field.getValue()::contains)) {
        return false;
      }
    }
    return true;
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
