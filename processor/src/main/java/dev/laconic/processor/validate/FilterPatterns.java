package dev.laconic.processor.validate;

import dev.laconic.filters.FieldCondition;
import dev.laconic.filters.FilterProblem;
import dev.laconic.filters.Matcher;
import dev.laconic.filters.Matcher.Value;
import dev.laconic.filters.ParsedFilter;
import dev.laconic.processor.diag.Diagnostic;
import dev.laconic.processor.diag.Origin;
import dev.laconic.processor.diag.ValidationReport;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the filter patterns of an event source mapping as Lambda checks them when the mapping
 * is created ({@link ParsedFilter}: what it refuses is an error here), Lambda's limits on their
 * number and length, and what the source's records are: a field they never have, or a value of
 * a type the field never holds, is a warning, since Lambda takes such a pattern and it never
 * matches.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html">
 *     Lambda event filtering</a>
 */
public final class FilterPatterns {

  /**
   * Lambda's limits on filter criteria: 5 patterns by default, 10 at most with a raised quota
   * ("Control which events Lambda sends to your function"; CloudFormation's schema says 20, which
   * Lambda refuses above 10), and 4096 characters a pattern.
   */
  static final int MAX_FILTERS = 10;
  static final int DEFAULT_FILTER_QUOTA = 5;
  static final int MAX_FILTER_LENGTH = 4096;

  /**
   * DynamoDB's attribute value types, the names below an attribute of an image or the keys, in
   * the order a message lists them.
   */
  private static final Map<String, Value> ATTRIBUTE_TYPES = attributeTypes();

  /**
   * The record a source's filters match, as Lambda's filtering sees it.
   *
   * @param description for messages: "a DynamoDB stream record"
   * @param fields the record's top-level fields
   * @param nested the fields of fixed-shape nested objects, by the field holding them
   * @param freeForm fields whose keys are the user's own (item attributes, a decoded body), so any
   *     key is right below them
   * @param attributeValues the free-form fields whose values are DynamoDB attribute values
   *     ({@code {"N": "50"}}), whose type names and leaf types are known
   * @param leafTypes the JSON type of fixed fields, by dotted path; {@code *} stands for any name
   */
  public record RecordShape(String description, List<String> fields,
      Map<String, List<String>> nested, Set<String> freeForm, Set<String> attributeValues,
      Map<String, Value> leafTypes) {}

  private FilterPatterns() {}

  /** Checks {@code filters}, written as the {@code filters} attribute of {@code origin}. */
  public static ValidationReport validate(List<String> filters, Origin origin,
      RecordShape record) {
    ValidationReport.Builder report = ValidationReport.builder();
    if (filters.size() > MAX_FILTERS) {
      report.report(Diagnostic.TOO_MANY_FILTERS, origin.at("filters"), filters.size());
    } else if (filters.size() > DEFAULT_FILTER_QUOTA) {
      report.report(Diagnostic.MANY_FILTERS, origin.at("filters"), filters.size());
    }
    for (int i = 0; i < filters.size(); i++) {
      String filter = filters.get(i);
      Origin.Location at = origin.at("filters", i);
      if (filter.length() > MAX_FILTER_LENGTH) {
        report.report(Diagnostic.FILTER_TOO_LONG, at, i, filter.length());
        continue;
      }
      ParsedFilter parsed = ParsedFilter.parse(filter);
      for (FilterProblem problem : parsed.problems()) {
        reportProblem(problem, i, at, report);
      }
      if (!parsed.refused()) {
        checkConditions(parsed, i, at, record, report);
      }
    }
    return report.build();
  }

  private static void reportProblem(FilterProblem problem, int index, Origin.Location at,
      ValidationReport.Builder report) {
    String path = problem.path();
    switch (problem.kind()) {
      case NOT_JSON -> report.report(Diagnostic.FILTER_NOT_JSON, at, index, problem.detail());
      case TRAILING_TEXT -> report.report(Diagnostic.FILTER_NOT_JSON, at, index,
          "text goes on after the pattern's closing brace: " + problem.detail());
      case NOT_OBJECT -> report.report(Diagnostic.FILTER_NOT_OBJECT, at, index,
          problem.detail());
      case BARE_VALUE -> report.report(Diagnostic.FILTER_VALUE_NOT_ARRAY, at, index, path,
          problem.detail());
      case EMPTY_OBJECT -> report.report(Diagnostic.FILTER_EMPTY, at, index, "object",
          path.isEmpty() ? "the top" : "\"" + path + "\"");
      case EMPTY_ARRAY -> report.report(Diagnostic.FILTER_EMPTY, at, index, "list",
          "\"" + path + "\"");
      case UNKNOWN_OPERATOR -> {
        String nearest = Suggestions.nearest(problem.detail(), List.of("prefix", "suffix",
            "equals-ignore-case", "anything-but", "numeric", "exists"));
        report.report(Diagnostic.FILTER_UNKNOWN_OPERATOR, at, index, problem.detail(), path,
            nearest == null ? "" : " Did you mean \"" + nearest + "\"?");
      }
      case EVENTBRIDGE_ONLY_OPERATOR -> report.report(Diagnostic.FILTER_EVENTBRIDGE_OPERATOR,
          at, index, problem.detail(), path);
      case INVALID_OPERATOR -> report.report(Diagnostic.FILTER_OPERATOR_INVALID, at, index,
          path, problem.detail());
      case REPEATED_FIELD -> report.report(Diagnostic.FILTER_FIELD_REPEATED, at, index, path);
    }
  }

  /** Each condition's path against the record's shape, and its values against the leaf's type. */
  private static void checkConditions(ParsedFilter parsed, int index, Origin.Location at,
      RecordShape record, ValidationReport.Builder report) {
    Set<String> reported = new HashSet<>();
    for (FieldCondition condition : parsed.conditions()) {
      // Lambda, as event-ruler, reads "a.b": [...] as the field b of a.
      List<String> names = List.of(condition.dottedPath().split("\\.", -1));
      Leaf leaf = leaf(names, record);
      if (leaf.unknownAt() >= 0) {
        String path = String.join(".", names.subList(0, leaf.unknownAt() + 1));
        if (reported.add(path)) {
          String name = names.get(leaf.unknownAt());
          String nearest = Suggestions.nearest(name, leaf.expected());
          report.report(Diagnostic.FILTER_UNKNOWN_FIELD, at, index, path, leaf.description(),
              String.join(", ", leaf.expected()),
              nearest == null ? "" : " Did you mean \"" + nearest + "\"?");
        }
        continue;
      }
      if (leaf.type() != Value.ANY && condition.matchers().stream()
          .noneMatch(matcher -> canMatch(matcher, leaf.type()))
          && reported.add(condition.dottedPath())) {
        report.report(Diagnostic.FILTER_NEVER_MATCHES, at, index, condition.dottedPath(),
            describe(condition.matchers()), record.description(), article(leaf.type()),
            leaf.type() == Value.STRING && names.size() > 1
                && names.get(names.size() - 1).matches("N|NS")
                ? " DynamoDB sends numbers as strings ({\"N\": \"50\"}): match the string, as"
                    + " [\"50\"], or its prefix." : "");
      }
    }
  }

  /**
   * Where a path leaves the record's shape ({@code unknownAt}, with the names expected there), or
   * the type of the value it reaches ({@link Value#ANY} where the shape does not say).
   */
  private record Leaf(int unknownAt, List<String> expected, String description, Value type) {}

  private static Leaf leaf(List<String> path, RecordShape record) {
    List<String> fields = record.fields();
    for (int i = 0; i < path.size(); i++) {
      String name = path.get(i);
      if (fields != null && !fields.contains(name)) {
        return new Leaf(i, fields, record.description(), Value.ANY);
      }
      if (fields != null && record.attributeValues().contains(name)) {
        return attributeLeaf(path, i + 1, record);
      }
      fields = fields == null || record.freeForm().contains(name) ? null
          : record.nested().get(name);
    }
    String dotted = String.join(".", path);
    for (Map.Entry<String, Value> typed : record.leafTypes().entrySet()) {
      if (dotted.matches(typed.getKey().replace(".", "\\.").replace("*", "[^.]+"))) {
        return new Leaf(-1, List.of(), record.description(), typed.getValue());
      }
    }
    return new Leaf(-1, List.of(), record.description(), Value.ANY);
  }

  /**
   * Below a container of attribute values ({@code NewImage}) at {@code start}: an attribute name,
   * then its type ({@code S}, {@code N}, {@code M} with attributes again, {@code L} with values).
   */
  private static Leaf attributeLeaf(List<String> path, int start, RecordShape record) {
    boolean expectName = true;
    for (int i = start; i < path.size(); i++) {
      if (expectName) {
        expectName = false;
        continue;
      }
      String type = path.get(i);
      if (!ATTRIBUTE_TYPES.containsKey(type)) {
        return new Leaf(i, List.copyOf(ATTRIBUTE_TYPES.keySet()), "a DynamoDB attribute value",
            Value.ANY);
      }
      if (i == path.size() - 1) {
        return new Leaf(-1, List.of(), record.description(), ATTRIBUTE_TYPES.get(type));
      }
      // M holds attributes by name, L holds values (their type comes next).
      expectName = type.equals("M");
      if (!type.equals("M") && !type.equals("L")) {
        return new Leaf(i + 1, List.of("no fields"), "a DynamoDB " + type + " value",
            Value.ANY);
      }
    }
    return new Leaf(-1, List.of(), record.description(), Value.ANY);
  }

  private static Map<String, Value> attributeTypes() {
    Map<String, Value> types = new LinkedHashMap<>();
    for (String type : List.of("S", "N", "B", "SS", "NS", "BS")) {
      types.put(type, Value.STRING);
    }
    types.put("M", Value.ANY);
    types.put("L", Value.ANY);
    types.put("NULL", Value.BOOLEAN);
    types.put("BOOL", Value.BOOLEAN);
    return Collections.unmodifiableMap(types);
  }

  private static boolean canMatch(Matcher matcher, Value type) {
    Value needs = matcher.operator().matches();
    return needs == Value.ANY || needs == type;
  }

  private static String describe(List<Matcher> matchers) {
    if (matchers.size() > 1) {
      return "values none of which can match it";
    }
    Matcher matcher = matchers.get(0);
    return switch (matcher.operator()) {
      case STRING -> "the string \"" + matcher.text() + "\"";
      case NUMBER -> "the number " + matcher.text();
      default -> matcher.text(); // true, false, null, an operator's object
    };
  }

  private static String article(Value type) {
    return switch (type) {
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "true or false";
      case NULL -> "null";
      case ANY -> "anything";
    };
  }
}
