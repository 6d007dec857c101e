package dev.laconic.filters;

import java.util.List;

/**
 * A filter pattern as Lambda reads it.
 *
 * <p>Lambda's filter rule syntax is EventBridge's ("Control which events Lambda sends to your
 * function", Lambda developer guide), read by AWS's event-ruler: a JSON object whose fields hold
 * either nested objects or a list of acceptable values; the values are literals or one operator
 * each; {@code $or} lists alternative sub-patterns. The reading follows event-ruler's compiler
 * where Lambda documents nothing else, so a repeated object field merges (the guide's DynamoDB
 * "Boolean AND" example repeats {@code dynamodb}) and a repeated list replaces the earlier one.
 * Where Lambda narrows EventBridge it is narrower than event-ruler:
 *
 * <ul>
 *   <li>only the operators of Lambda's comparison table: {@code prefix}, {@code suffix},
 *       {@code equals-ignore-case}, {@code anything-but} of values, {@code numeric},
 *       {@code exists}, and {@code $or}. EventBridge's {@code wildcard}, {@code cidr},
 *       {@code prefix}/{@code suffix} with {@code equals-ignore-case} and {@code anything-but} of
 *       a prefix, suffix, case-free value or wildcard are refused (EventBridge's own table marks
 *       the {@code anything-but} forms and {@code wildcard} as unsupported by pipes, which filter
 *       as Lambda's pollers do);
 *   <li>nothing may follow the pattern's closing brace (event-ruler ignores what does).
 * </ul>
 */
public final class ParsedFilter {

  private final String source;
  private final List<FilterProblem> problems;
  private final List<List<FieldCondition>> alternatives;
  private final List<FieldCondition> conditions;

  ParsedFilter(String source, List<FilterProblem> problems,
      List<List<FieldCondition>> alternatives, List<FieldCondition> conditions) {
    this.source = source;
    this.problems = List.copyOf(problems);
    this.alternatives = alternatives.stream().map(List::copyOf).toList();
    this.conditions = List.copyOf(conditions);
  }

  /** Reads {@code pattern}; never throws: what is wrong is in {@link #problems()}. */
  public static ParsedFilter parse(String pattern) {
    return new FilterReader(pattern).read();
  }

  /** The pattern as written. */
  public String source() {
    return source;
  }

  /** What is wrong, in the order met; empty for a pattern Lambda takes as written. */
  public List<FilterProblem> problems() {
    return problems;
  }

  /** Whether Lambda refuses the pattern. */
  public boolean refused() {
    return problems.stream().anyMatch(problem -> problem.kind().refused());
  }

  /**
   * The pattern with {@code $or} expanded: a record matches if it meets every condition of any
   * one alternative. Meaningful only when the pattern is not {@link #refused()}.
   */
  public List<List<FieldCondition>> alternatives() {
    return alternatives;
  }

  /** Every condition as written, each once, in the pattern's order (for checks of the paths). */
  public List<FieldCondition> conditions() {
    return conditions;
  }

  @Override
  public String toString() {
    return source;
  }
}
