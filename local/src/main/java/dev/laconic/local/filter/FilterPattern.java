package dev.laconic.local.filter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One filter pattern of an event source mapping, matched against a record as Lambda would
 * deliver it. Lambda's filters follow EventBridge's pattern rules
 * (https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html):
 *
 * <ul>
 *   <li>A pattern and a record are both seen as their leaf values, by path: {@code
 *       dynamodb.NewImage.state.S}. Arrays are flattened into the path of their elements, so a
 *       pattern on {@code dynamodb.NewImage.lines.L.M.sku.S} matches a sku of any line.
 *   <li>Every path of the pattern must match (AND); the array at a path lists acceptable values
 *       (OR), and {@code $or} lists alternative sub-patterns.
 *   <li>A value is a literal (strings, numbers, booleans, {@code null} compared exactly: 300 is
 *       not 300.0, "50" is not 50) or one operator: {@code prefix}, {@code suffix},
 *       {@code equals-ignore-case}, {@code wildcard}, {@code anything-but} (values, or a prefix,
 *       suffix or equals-ignore-case), {@code numeric} (comparisons) and {@code exists}, which
 *       looks at leaf values only. DynamoDB sends numbers as strings ({@code {"N": "50"}}), so
 *       {@code numeric} never matches an N value, as on Lambda.
 * </ul>
 *
 * <p>A pattern is checked when it is parsed, as Lambda checks it when the mapping is created: an
 * unknown operator or a malformed value is an error then, never a surprise while records flow.
 */
public final class FilterPattern {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String source;
  /** The pattern with {@code $or} expanded: any of these conjunctions, path to acceptable values. */
  private final List<Map<String, List<JsonNode>>> alternatives;

  private FilterPattern(String source, List<Map<String, List<JsonNode>>> alternatives) {
    this.source = source;
    this.alternatives = alternatives;
  }

  /**
   * Parses and checks {@code pattern}, a JSON object.
   *
   * @throws IllegalArgumentException for invalid JSON, a value that is not an array, an unknown
   *     operator or an operator with a malformed argument
   */
  public static FilterPattern parse(String pattern) {
    JsonNode tree;
    try {
      tree = JSON.readTree(pattern);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("filter pattern is not valid JSON: " + pattern, e);
    }
    if (tree == null || !tree.isObject()) {
      throw new IllegalArgumentException("filter pattern must be a JSON object: " + pattern);
    }
    List<Map<String, List<JsonNode>>> alternatives = new ArrayList<>();
    alternatives.add(new LinkedHashMap<>());
    alternatives = expand(tree, "", alternatives, pattern);
    return new FilterPattern(pattern, alternatives);
  }

  /** Adds the fields of {@code object} at {@code prefix} to each alternative; expands $or. */
  private static List<Map<String, List<JsonNode>>> expand(JsonNode object, String prefix,
      List<Map<String, List<JsonNode>>> alternatives, String source) {
    List<Map<String, List<JsonNode>>> current = alternatives;
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String name = field.getKey();
      JsonNode value = field.getValue();
      if (name.equals("$or")) {
        if (!value.isArray() || value.size() < 2) {
          throw invalid(source, "$or must list at least two sub-patterns");
        }
        List<Map<String, List<JsonNode>>> expanded = new ArrayList<>();
        for (JsonNode option : value) {
          if (!option.isObject()) {
            throw invalid(source, "each sub-pattern of $or must be an object");
          }
          expanded.addAll(expand(option, prefix, copy(current), source));
        }
        current = expanded;
      } else if (value.isObject()) {
        current = expand(value, prefix + name + ".", current, source);
      } else if (value.isArray()) {
        if (value.isEmpty()) {
          throw invalid(source, "\"" + name + "\" has an empty array, which matches nothing");
        }
        List<JsonNode> matchers = new ArrayList<>();
        value.forEach(matcher -> matchers.add(check(matcher, source)));
        for (Map<String, List<JsonNode>> alternative : current) {
          alternative.put(prefix + name, matchers);
        }
      } else {
        throw invalid(source, "\"" + name + "\" has the value " + value
            + "; it must be an array or an object");
      }
    }
    return current;
  }

  private static List<Map<String, List<JsonNode>>> copy(List<Map<String, List<JsonNode>>> maps) {
    List<Map<String, List<JsonNode>>> copies = new ArrayList<>();
    maps.forEach(map -> copies.add(new LinkedHashMap<>(map)));
    return copies;
  }

  /** Checks one acceptable value: a literal or a well-formed operator. */
  private static JsonNode check(JsonNode matcher, String source) {
    if (!matcher.isObject()) {
      if (matcher.isArray()) {
        throw invalid(source, "a value list cannot nest another array");
      }
      return matcher;
    }
    if (matcher.size() != 1) {
      throw invalid(source, "an operator object has exactly one operator: " + matcher);
    }
    Map.Entry<String, JsonNode> operator = matcher.fields().next();
    JsonNode argument = operator.getValue();
    switch (operator.getKey()) {
      case "prefix", "suffix", "wildcard", "equals-ignore-case" -> {
        if (!argument.isTextual()) {
          throw invalid(source, operator.getKey() + " takes a string: " + matcher);
        }
      }
      case "exists" -> {
        if (!argument.isBoolean()) {
          throw invalid(source, "exists takes true or false: " + matcher);
        }
      }
      case "anything-but" -> {
        if (argument.isObject()) {
          check(argument, source);
          String inner = argument.fields().next().getKey();
          if (!List.of("prefix", "suffix", "equals-ignore-case", "wildcard").contains(inner)) {
            throw invalid(source, "anything-but takes values or a prefix, suffix,"
                + " equals-ignore-case or wildcard: " + matcher);
          }
        } else if (argument.isArray()) {
          argument.forEach(value -> {
            if (value.isContainerNode()) {
              throw invalid(source, "anything-but lists plain values: " + matcher);
            }
          });
        } else if (argument.isContainerNode()) {
          throw invalid(source, "anything-but takes values: " + matcher);
        }
      }
      case "numeric" -> checkNumeric(argument, matcher, source);
      default -> throw invalid(source, "unknown filter operator \"" + operator.getKey() + "\"");
    }
    return matcher;
  }

  private static void checkNumeric(JsonNode conditions, JsonNode matcher, String source) {
    if (!conditions.isArray() || conditions.isEmpty() || conditions.size() % 2 != 0
        || conditions.size() > 4) {
      throw invalid(source, "numeric takes one or two pairs of operator and number: " + matcher);
    }
    for (int i = 0; i < conditions.size(); i += 2) {
      String operator = conditions.get(i).asText();
      if (!List.of("=", "<", "<=", ">", ">=").contains(operator)
          || !conditions.get(i).isTextual() || !conditions.get(i + 1).isNumber()) {
        throw invalid(source, "numeric takes operators =, <, <=, >, >= each followed by a number: "
            + matcher);
      }
    }
  }

  private static IllegalArgumentException invalid(String source, String problem) {
    return new IllegalArgumentException("filter pattern " + source + ": " + problem);
  }

  /** Whether {@code record} (the record's JSON as Lambda delivers it) matches. */
  public boolean matches(JsonNode record) {
    Map<String, List<JsonNode>> leaves = new LinkedHashMap<>();
    flatten(record, "", leaves);
    for (Map<String, List<JsonNode>> alternative : alternatives) {
      if (matchesAll(alternative, leaves)) {
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

  /** The leaf values of {@code node} by path; arrays add their elements to their own path. */
  private static void flatten(JsonNode node, String path, Map<String, List<JsonNode>> leaves) {
    if (node.isObject()) {
      node.fields().forEachRemaining(field ->
          flatten(field.getValue(), path.isEmpty() ? field.getKey()
              : path + "." + field.getKey(), leaves));
    } else if (node.isArray()) {
      node.forEach(element -> flatten(element, path, leaves));
    } else {
      leaves.computeIfAbsent(path, p -> new ArrayList<>()).add(node);
    }
  }

  private static boolean matchesAll(Map<String, List<JsonNode>> pattern,
      Map<String, List<JsonNode>> leaves) {
    for (Map.Entry<String, List<JsonNode>> field : pattern.entrySet()) {
      List<JsonNode> values = leaves.get(field.getKey());
      boolean matched = false;
      for (JsonNode matcher : field.getValue()) {
        if (matcher.isObject() && matcher.has("exists")) {
          matched = matcher.get("exists").booleanValue() == (values != null);
        } else if (values != null) {
          for (JsonNode value : values) {
            if (matchesValue(matcher, value)) {
              matched = true;
              break;
            }
          }
        }
        if (matched) {
          break;
        }
      }
      if (!matched) {
        return false;
      }
    }
    return true;
  }

  private static boolean matchesValue(JsonNode matcher, JsonNode value) {
    if (!matcher.isObject()) {
      return literalEquals(matcher, value);
    }
    Map.Entry<String, JsonNode> operator = matcher.fields().next();
    JsonNode argument = operator.getValue();
    switch (operator.getKey()) {
      case "prefix":
        return value.isTextual() && value.textValue().startsWith(argument.textValue());
      case "suffix":
        return value.isTextual() && value.textValue().endsWith(argument.textValue());
      case "equals-ignore-case":
        return value.isTextual() && value.textValue().equalsIgnoreCase(argument.textValue());
      case "wildcard":
        return value.isTextual() && wildcard(argument.textValue(), value.textValue());
      case "anything-but":
        if (argument.isObject()) {
          return value.isTextual() && !matchesValue(argument, value);
        }
        if (argument.isArray()) {
          for (JsonNode excluded : argument) {
            if (literalEquals(excluded, value)) {
              return false;
            }
          }
          return true;
        }
        return !literalEquals(argument, value);
      case "numeric":
        return value.isNumber() && numeric(argument, value.decimalValue());
      default:
        throw new IllegalStateException("unchecked operator " + operator.getKey());
    }
  }

  /** {@code *} stands for any run of characters, everything else for itself. */
  private static boolean wildcard(String pattern, String text) {
    String regex = ("\\Q" + pattern.replace("\\E", "\\E\\\\E\\Q") + "\\E").replace("*",
        "\\E.*\\Q");
    return text.matches(regex);
  }

  /** Exact comparison: a string never equals a number, 300 never equals 300.0. */
  private static boolean literalEquals(JsonNode expected, JsonNode value) {
    if (expected.isNull()) {
      return value.isNull();
    }
    if (expected.isTextual()) {
      return value.isTextual() && expected.textValue().equals(value.textValue());
    }
    if (expected.isNumber()) {
      return value.isNumber() && expected.asText().equals(value.asText());
    }
    if (expected.isBoolean()) {
      return value.isBoolean() && expected.booleanValue() == value.booleanValue();
    }
    return false;
  }

  /** {@code ["<", 5]}, {@code [">=", 1, "<", 10]}, {@code ["=", 3]}: all conditions hold. */
  private static boolean numeric(JsonNode conditions, BigDecimal value) {
    for (int i = 0; i + 1 < conditions.size(); i += 2) {
      int comparison = value.compareTo(conditions.get(i + 1).decimalValue());
      boolean holds = switch (conditions.get(i).asText().toLowerCase(Locale.ROOT)) {
        case "=" -> comparison == 0;
        case "<" -> comparison < 0;
        case "<=" -> comparison <= 0;
        case ">" -> comparison > 0;
        default -> comparison >= 0;
      };
      if (!holds) {
        return false;
      }
    }
    return true;
  }
}
