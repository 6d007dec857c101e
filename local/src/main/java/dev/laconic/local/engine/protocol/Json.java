package dev.laconic.local.engine.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * JSON building blocks and request-field readers that fail the way DynamoDB's request validation fails.
 *
 * <p>Field names in validation messages are the request member names with a lower-case first letter, as in
 * DynamoDB's own "1 validation error detected" messages.
 */
public final class Json {
  public static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]+");

  private Json() {
  }

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  /** {@code node} as JSON text. */
  public static String text(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A node tree always serializes", e);
    }
  }

  /** A present, non-null field, or {@code null}. */
  public static JsonNode field(JsonNode request, String name) {
    JsonNode node = request.get(name);
    return node == null || node.isNull() ? null : node;
  }

  public static String requiredString(JsonNode request, String name) {
    String value = optionalString(request, name);
    if (value == null) {
      throw missing(name);
    }
    return value;
  }

  public static String optionalString(JsonNode request, String name) {
    JsonNode node = field(request, name);
    if (node == null) {
      return null;
    }
    if (!node.isTextual()) {
      throw ApiException.serialization("Expected a string for " + name);
    }
    return node.asText();
  }

  /** An optional string that must be one of {@code allowed}; {@code fallback} when absent. */
  public static String optionalEnum(JsonNode request, String name, Set<String> allowed, String fallback) {
    String value = optionalString(request, name);
    if (value == null) {
      return fallback;
    }
    if (!allowed.contains(value)) {
      throw constraint(name, value, "Member must satisfy enum value set: " + new TreeSet<>(allowed));
    }
    return value;
  }

  public static ObjectNode requiredObject(JsonNode request, String name) {
    ObjectNode value = optionalObject(request, name);
    if (value == null) {
      throw missing(name);
    }
    return value;
  }

  public static ObjectNode optionalObject(JsonNode request, String name) {
    JsonNode node = field(request, name);
    if (node == null) {
      return null;
    }
    if (!node.isObject()) {
      throw ApiException.serialization("Expected an object for " + name);
    }
    return (ObjectNode) node;
  }

  public static ArrayNode requiredArray(JsonNode request, String name) {
    ArrayNode value = optionalArray(request, name);
    if (value == null) {
      throw missing(name);
    }
    return value;
  }

  public static ArrayNode optionalArray(JsonNode request, String name) {
    JsonNode node = field(request, name);
    if (node == null) {
      return null;
    }
    if (!node.isArray()) {
      throw ApiException.serialization("Expected a list for " + name);
    }
    return (ArrayNode) node;
  }

  public static boolean optionalBoolean(JsonNode request, String name, boolean fallback) {
    JsonNode node = field(request, name);
    if (node == null) {
      return fallback;
    }
    if (!node.isBoolean()) {
      throw ApiException.serialization("Expected a boolean for " + name);
    }
    return node.asBoolean();
  }

  /** An optional integer within {@code [min, max]}; {@code fallback} when absent. */
  public static int optionalInt(JsonNode request, String name, int min, int max, int fallback) {
    JsonNode node = field(request, name);
    if (node == null) {
      return fallback;
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw ApiException.serialization("Expected an integer for " + name);
    }
    int value = node.asInt();
    if (value < min) {
      throw constraint(name, value, "Member must have value greater than or equal to " + min);
    }
    if (value > max) {
      throw constraint(name, value, "Member must have value less than or equal to " + max);
    }
    return value;
  }

  /** The request's {@code TableName}, checked against DynamoDB's naming rules: 3 to 255 of a-z A-Z 0-9 _ . -. */
  public static String tableName(JsonNode request) {
    return checkTableName(requiredString(request, "TableName"));
  }

  public static String checkTableName(String name) {
    return checkName("TableName", name);
  }

  /** A table or index name, checked against DynamoDB's naming rules; {@code member} names it in messages. */
  public static String checkName(String member, String name) {
    if (name.length() < 3) {
      throw constraint(member, name, "Member must have length greater than or equal to 3");
    }
    if (name.length() > 255) {
      throw constraint(member, name, "Member must have length less than or equal to 255");
    }
    if (!TABLE_NAME.matcher(name).matches()) {
      throw constraint(member, name, "Member must satisfy regular expression pattern: " + TABLE_NAME);
    }
    return name;
  }

  public static ApiException missing(String name) {
    return ApiException.validation("1 validation error detected: Value null at '" + member(name)
        + "' failed to satisfy constraint: Member must not be null");
  }

  public static ApiException constraint(String name, Object value, String constraint) {
    return ApiException.validation("1 validation error detected: Value '" + value + "' at '" + member(name)
        + "' failed to satisfy constraint: " + constraint);
  }

  private static String member(String name) {
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }
}
