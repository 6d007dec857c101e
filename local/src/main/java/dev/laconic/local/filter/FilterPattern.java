package dev.laconic.local.filter;

import dev.laconic.filters.FieldCondition;
import dev.laconic.filters.FilterProblem;
import dev.laconic.filters.Matcher;
import dev.laconic.filters.ParsedFilter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.event.ruler.JsonRuleCompiler;
import software.amazon.event.ruler.Machine;
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
  /**
   * A machine of its own: event-ruler's answer on a field can depend on the other patterns of a
   * machine (see docs/local.md), and one filter must not change what another matches.
   */
  private final Machine machine;
  private final List<Alternative> alternatives;

  private FilterPattern(String source, Machine machine, List<Alternative> alternatives) {
    this.source = source;
    this.machine = machine;
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
    Machine machine = new Machine();
    List<Alternative> alternatives = new ArrayList<>();
    for (List<FieldCondition> conditions : parsed.alternatives()) {
      String rule = "a" + alternatives.size();
      Map<String, List<Patterns>> together = new LinkedHashMap<>();
      List<NumbersOr> numbers = new ArrayList<>();
      for (FieldCondition condition : conditions) {
        List<Patterns> byRuler = new ArrayList<>();
        Set<String> spellings = new LinkedHashSet<>();
        for (Matcher matcher : condition.matchers()) {
          if (matcher.operator() == Matcher.Operator.NUMBER) {
            spellings.add(matcher.text());
          } else {
            byRuler.add(compile(matcher, pattern));
          }
        }
        if (spellings.isEmpty()) {
          together.put(condition.dottedPath(), byRuler);
        } else {
          // Either a number spelled as listed, or the condition's other values, judged by
          // event-ruler alone under a rule of their own.
          String alone = byRuler.isEmpty() ? null : rule + "." + numbers.size();
          if (alone != null) {
            machine.addPatternRule(alone, Map.of(condition.dottedPath(), byRuler));
          }
          numbers.add(new NumbersOr(condition.dottedPath(), spellings, alone));
        }
      }
      if (!together.isEmpty()) {
        machine.addPatternRule(rule, together);
      }
      alternatives.add(new Alternative(together.isEmpty() ? null : rule, numbers));
    }
    return new FilterPattern(pattern, machine, alternatives);
  }

  /**
   * One way a record can match: the rule of the conditions event-ruler judges together (null:
   * none), and each condition that lists numbers.
   */
  private record Alternative(String rule, List<NumbersOr> numbers) {}

  /**
   * A condition listing numbers: a number at {@code path} spelled as one of {@code spellings},
   * or the record matching the rule of the condition's other values ({@code rule}, null: none).
   */
  private record NumbersOr(String path, Set<String> spellings, String rule) {}

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

  /** The paths whose numbers {@link #matches} needs spelled. */
  Set<String> spelledPaths() {
    Set<String> paths = new HashSet<>();
    alternatives.forEach(alternative -> alternative.numbers().forEach(n -> paths.add(n.path())));
    return paths;
  }

  /**
   * Whether {@code record} matches, given the spelling of its numbers at {@link #spelledPaths}.
   *
   * @throws Exception when event-ruler cannot read the record
   */
  boolean matches(String record, Map<String, Set<String>> numbers) throws Exception {
    Set<String> matched = new HashSet<>(machine.rulesForJSONEvent(record));
    for (Alternative alternative : alternatives) {
      if ((alternative.rule() == null || matched.contains(alternative.rule()))
          && alternative.numbers().stream().allMatch(condition ->
              numbers.getOrDefault(condition.path(), Set.of()).stream()
                  .anyMatch(condition.spellings()::contains)
              || condition.rule() != null && matched.contains(condition.rule()))) {
        return true;
      }
    }
    return false;
  }

  /** The pattern as written. */
  @Override
  public String toString() {
    return source;
  }
}
