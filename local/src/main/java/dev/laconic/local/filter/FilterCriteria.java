package dev.laconic.local.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The filters of one event source mapping: a record passes if it matches any pattern, and every
 * record passes when there is none.
 */
public final class FilterCriteria {

  private final List<FilterPattern> patterns;

  private FilterCriteria(List<FilterPattern> patterns) {
    this.patterns = List.copyOf(patterns);
  }

  /** Criteria of the patterns as written in the template's {@code FilterCriteria.Filters}. */
  public static FilterCriteria of(List<String> patterns) {
    return new FilterCriteria(patterns.stream().map(FilterPattern::parse).toList());
  }

  /** Whether the mapping passes {@code record} to the function. */
  public boolean passes(JsonNode record) {
    if (patterns.isEmpty()) {
      return true;
    }
    for (FilterPattern pattern : patterns) {
      if (pattern.matches(record)) {
        return true;
      }
    }
    return false;
  }
}
