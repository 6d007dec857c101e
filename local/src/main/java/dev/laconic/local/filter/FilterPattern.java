package dev.laconic.local.filter;

import dev.laconic.filters.FieldCondition;
import dev.laconic.filters.FilterProblem;
import dev.laconic.filters.Matcher;
import dev.laconic.filters.ParsedFilter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.event.ruler.JsonRuleCompiler;
import software.amazon.event.ruler.Patterns;

/**
 * One filter pattern of an event source mapping, read as Lambda reads it ({@link ParsedFilter})
 * and compiled for AWS's event-ruler, the engine of EventBridge, whose rules Lambda's filtering
 * follows. The operators are event-ruler's own; the literals are compiled here, because Lambda
 * compares them by their spelling where event-ruler does not ({@link FilterCriteria} compares
 * the numbers):
 *
 * <ul>
 *   <li>a number matches the same spelling only ("300, 300.0, and 3.0e2 are not considered
 *       equal", Lambda developer guide); event-ruler also matches it numerically;
 *   <li>a string matches the same characters only; event-ruler matches a string that reads as
 *       an IP address as the range of that address.
 * </ul>
 */
public final class FilterPattern {

  private final String source;
  /** Any of these conjunctions, split where number literals are compared by spelling. */
  private final List<Alternative> alternatives;

  private FilterPattern(String source, List<Alternative> alternatives) {
    this.source = source;
    this.alternatives = alternatives;
  }

  /**
   * Reads and compiles {@code pattern}, as Lambda does when the mapping is created.
   *
   * @throws IllegalArgumentException for a pattern Lambda refuses, saying why
   */
  public static FilterPattern parse(String pattern) {
    ParsedFilter parsed = ParsedFilter.parse(pattern);
    if (parsed.refused()) {
      throw new IllegalArgumentException("filter pattern " + pattern + ": " + parsed.problems()
          .stream().filter(problem -> problem.kind().refused()).map(FilterPattern::describe)
          .collect(Collectors.joining("; ")));
    }
    List<Alternative> alternatives = new ArrayList<>();
    for (List<FieldCondition> conditions : parsed.alternatives()) {
      List<Alternative> split = List.of(new Alternative(Map.of(), Map.of()));
      for (FieldCondition condition : conditions) {
        List<Patterns> byRuler = new ArrayList<>();
        Set<String> numbers = new LinkedHashSet<>();
        for (Matcher matcher : condition.matchers()) {
          if (matcher.operator() == Matcher.Operator.NUMBER) {
            numbers.add(matcher.text());
          } else {
            byRuler.add(compile(matcher, pattern));
          }
        }
        List<Alternative> next = new ArrayList<>();
        for (Alternative alternative : split) {
          if (!byRuler.isEmpty()) {
            next.add(alternative.withRuler(condition.dottedPath(), byRuler));
          }
          if (!numbers.isEmpty()) {
            next.add(alternative.withNumbers(condition.dottedPath(), numbers));
          }
        }
        split = next;
      }
      alternatives.addAll(split);
    }
    return new FilterPattern(pattern, alternatives);
  }

  /**
   * One way a record can match: every condition event-ruler judges, and at each path of
   * {@code numbers} a number spelled as one listed.
   */
  record Alternative(Map<String, List<Patterns>> byRuler, Map<String, Set<String>> numbers) {

    Alternative withRuler(String path, List<Patterns> patterns) {
      Map<String, List<Patterns>> more = new LinkedHashMap<>(byRuler);
      more.put(path, patterns);
      return new Alternative(more, numbers);
    }

    Alternative withNumbers(String path, Set<String> spellings) {
      Map<String, Set<String>> more = new LinkedHashMap<>(numbers);
      more.put(path, spellings);
      return new Alternative(byRuler, more);
    }
  }

  private static Patterns compile(Matcher matcher, String pattern) {
    return switch (matcher.operator()) {
      case STRING -> Patterns.exactMatch('"' + matcher.text() + '"');
      case BOOLEAN, NULL -> Patterns.exactMatch(matcher.text());
      default -> {
        // The operator alone, compiled by event-ruler as it sits in the pattern.
        try {
          yield JsonRuleCompiler.compile("{\"v\": [" + matcher.text() + "]}").get(0).get("v")
              .get(0);
        } catch (IOException | RuntimeException e) {
          throw new IllegalArgumentException("filter pattern " + pattern + ": " + matcher.text()
              + " cannot be compiled: " + e.getMessage(), e);
        }
      }
    };
  }

  private static String describe(FilterProblem problem) {
    String at = problem.path().isEmpty() ? "" : " at \"" + problem.path() + "\"";
    return switch (problem.kind()) {
      case NOT_JSON -> "not valid JSON: " + problem.detail();
      case TRAILING_TEXT -> "text after the pattern: " + problem.detail();
      case NOT_OBJECT -> "a JSON " + problem.detail() + ", not an object";
      case EMPTY_OBJECT -> "an empty object" + at;
      case EMPTY_ARRAY -> "an empty list of values" + at;
      case BARE_VALUE -> "the bare value " + problem.detail() + at
          + "; values to match go in a list";
      case UNKNOWN_OPERATOR -> "unknown operator \"" + problem.detail() + "\"" + at;
      case EVENTBRIDGE_ONLY_OPERATOR -> problem.detail() + at
          + " is EventBridge's, not Lambda's event filtering";
      default -> problem.detail() + at;
    };
  }

  /** The ways a record can match the pattern. */
  List<Alternative> alternatives() {
    return alternatives;
  }

  /** The pattern as written. */
  @Override
  public String toString() {
    return source;
  }
}
