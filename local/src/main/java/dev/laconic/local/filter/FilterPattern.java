package dev.laconic.local.filter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * One filter pattern of an event source mapping, matched against a record as Lambda would
 * deliver it.
 *
 * <p>The rules, from Lambda's event filtering guide: every field the pattern names must match
 * (AND); a field's array lists acceptable values (OR); a value is a literal (strings, numbers,
 * booleans and {@code null} compared exactly, character by character) or one operator object:
 * {@code {"prefix": "x"}}, {@code {"anything-but": [..]}}, {@code {"numeric": [">", 1, "<=", 5]}}
 * or {@code {"exists": true|false}}. When the record's value is an array, the pattern matches if
 * any element does. DynamoDB sends numbers as strings ({@code {"N": "50"}}), so a numeric operator
 * on an N value does not match, as on Lambda.
 */
public final class FilterPattern {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String source;
  private final JsonNode pattern;

  private FilterPattern(String source, JsonNode pattern) {
    this.source = source;
    this.pattern = pattern;
  }

  /**
   * Parses {@code pattern}, a JSON object.
   *
   * @throws IllegalArgumentException if it is not a JSON object of fields, arrays and operators
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
    checkFields(tree, pattern);
    return new FilterPattern(pattern, tree);
  }

  private static void checkFields(JsonNode object, String source) {
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode value = field.getValue();
      if (value.isObject()) {
        checkFields(value, source);
      } else if (!value.isArray()) {
        throw new IllegalArgumentException("filter pattern gives \"" + field.getKey()
            + "\" the value " + value + "; it must be an array or an object: " + source);
      }
    }
  }

  /** Whether {@code record} (the record's JSON as Lambda delivers it) matches. */
  public boolean matches(JsonNode record) {
    return matchesObject(pattern, record);
  }

  /** The pattern as written. */
  @Override
  public String toString() {
    return source;
  }

  private static boolean matchesObject(JsonNode pattern, JsonNode event) {
    for (Iterator<Map.Entry<String, JsonNode>> it = pattern.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode value = event == null || !event.isObject() ? null : event.get(field.getKey());
      if (field.getValue().isObject()) {
        if (value == null || !matchesObject(field.getValue(), value)) {
          return false;
        }
      } else if (!matchesAny(field.getValue(), value)) {
        return false;
      }
    }
    return true;
  }

  /** Whether one of the acceptable values in {@code alternatives} matches {@code value}. */
  private static boolean matchesAny(JsonNode alternatives, JsonNode value) {
    for (JsonNode alternative : alternatives) {
      if (alternative.isObject() && alternative.has("exists")) {
        if (alternative.get("exists").asBoolean() == (value != null)) {
          return true;
        }
        continue;
      }
      if (value == null) {
        continue; // every other operator needs the field to be there
      }
      if (value.isArray()) {
        for (JsonNode element : value) {
          if (matchesValue(alternative, element)) {
            return true;
          }
        }
      } else if (matchesValue(alternative, value)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchesValue(JsonNode alternative, JsonNode value) {
    if (!alternative.isObject()) {
      return literalEquals(alternative, value);
    }
    if (alternative.has("prefix")) {
      return value.isTextual() && value.textValue().startsWith(alternative.get("prefix").asText());
    }
    if (alternative.has("anything-but")) {
      JsonNode excluded = alternative.get("anything-but");
      if (excluded.isObject() && excluded.has("prefix")) {
        return value.isTextual()
            && !value.textValue().startsWith(excluded.get("prefix").asText());
      }
      if (excluded.isArray()) {
        for (JsonNode e : excluded) {
          if (literalEquals(e, value)) {
            return false;
          }
        }
        return true;
      }
      return !literalEquals(excluded, value);
    }
    if (alternative.has("numeric")) {
      return value.isNumber() && numeric(alternative.get("numeric"), value.decimalValue());
    }
    throw new IllegalArgumentException("unknown filter operator " + alternative);
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
      String operator = conditions.get(i).asText();
      int comparison = value.compareTo(conditions.get(i + 1).decimalValue());
      boolean holds;
      switch (operator) {
        case "=":
          holds = comparison == 0;
          break;
        case "<":
          holds = comparison < 0;
          break;
        case "<=":
          holds = comparison <= 0;
          break;
        case ">":
          holds = comparison > 0;
          break;
        case ">=":
          holds = comparison >= 0;
          break;
        default:
          throw new IllegalArgumentException("unknown numeric operator " + operator);
      }
      if (!holds) {
        return false;
      }
    }
    return true;
  }
}
