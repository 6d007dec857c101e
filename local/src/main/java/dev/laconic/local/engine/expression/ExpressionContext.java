package dev.laconic.local.engine.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.laconic.local.engine.protocol.ApiException;
import dev.laconic.local.engine.protocol.Json;
import dev.laconic.local.engine.storage.AttributeValues;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code ExpressionAttributeNames} and {@code ExpressionAttributeValues} of one request, shared by all of its
 * expressions, with the bookkeeping DynamoDB uses to reject undefined and unused placeholders.
 *
 * <p>See <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ExpressionAttributeNames.html">Expression
 * attribute names</a> and
 * <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ExpressionAttributeValues.html">Expression
 * attribute values</a>.
 */
public final class ExpressionContext {
  private final ObjectNode names;
  private final ObjectNode values;
  private final Set<String> usedNames = new TreeSet<>();
  private final Set<String> usedValues = new TreeSet<>();

  public ExpressionContext(JsonNode request) {
    names = Json.optionalObject(request, "ExpressionAttributeNames");
    values = Json.optionalObject(request, "ExpressionAttributeValues");
    if (names != null) {
      if (names.isEmpty()) {
        throw ApiException.validation("ExpressionAttributeNames must not be empty");
      }
      names.forEach(name -> {
        if (!name.isTextual()) {
          throw ApiException.serialization("Expected a string in ExpressionAttributeNames");
        }
      });
    }
    if (values != null) {
      if (values.isEmpty()) {
        throw ApiException.validation("ExpressionAttributeValues must not be empty");
      }
      values.forEach(AttributeValues::validate);
    }
  }

  /** The attribute name behind {@code #placeholder}. */
  String name(String placeholder, String expressionKind) {
    JsonNode name = names == null ? null : names.get(placeholder);
    if (name == null) {
      throw ApiException.validation("Invalid " + expressionKind + ": An expression attribute name used in the "
          + "document path is not defined; attribute name: " + placeholder);
    }
    usedNames.add(placeholder);
    return name.asText();
  }

  /** The attribute value behind {@code :placeholder}. */
  JsonNode value(String placeholder, String expressionKind) {
    JsonNode value = values == null ? null : values.get(placeholder);
    if (value == null) {
      throw ApiException.validation("Invalid " + expressionKind + ": An expression attribute value used in "
          + "expression is not defined; attribute value: " + placeholder);
    }
    usedValues.add(placeholder);
    return value;
  }

  /** Once a request's expressions are parsed: rejects supplied names and values that none of them used. */
  public void checkAllUsed(boolean anyExpression) {
    if (!anyExpression && names != null) {
      throw ApiException.validation("ExpressionAttributeNames can only be specified when using expressions");
    }
    if (!anyExpression && values != null) {
      throw ApiException.validation("ExpressionAttributeValues can only be specified when using expressions");
    }
    Set<String> unusedNames = unused(names, usedNames);
    if (!unusedNames.isEmpty()) {
      throw ApiException.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {"
          + String.join(", ", unusedNames) + "}");
    }
    Set<String> unusedValues = unused(values, usedValues);
    if (!unusedValues.isEmpty()) {
      throw ApiException.validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {"
          + String.join(", ", unusedValues) + "}");
    }
  }

  private static Set<String> unused(ObjectNode supplied, Set<String> used) {
    Set<String> unused = new TreeSet<>();
    if (supplied != null) {
      for (Iterator<String> it = supplied.fieldNames(); it.hasNext(); ) {
        String placeholder = it.next();
        if (!used.contains(placeholder)) {
          unused.add(placeholder);
        }
      }
    }
    return unused;
  }
}
