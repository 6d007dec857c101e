package dev.laconic.local.engine.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.laconic.local.engine.protocol.ApiException;
import dev.laconic.local.engine.storage.AttributeValues;
import java.math.BigDecimal;

/**
 * An operand of a condition or of an update expression's SET action: a path, a value placeholder, or a function.
 *
 * <p>See <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.OperatorsAndFunctions.html">Comparison
 * operator and function reference</a> and
 * <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.UpdateExpressions.html">Update
 * expressions</a>.
 */
public interface Operand {
  /** The operand's value for {@code item}, or {@code null} when it refers to a missing attribute. */
  JsonNode resolve(JsonNode item);

  /** The value of an operand that must exist, as the operands of a SET action must. */
  static JsonNode required(Operand operand, JsonNode item) {
    JsonNode value = operand.resolve(item);
    if (value == null) {
      throw ApiException.validation(
          "The provided expression refers to an attribute that does not exist in the item");
    }
    return value;
  }

  static ApiException incorrectType() {
    return ApiException.validation("An operand in the update expression has an incorrect data type");
  }

  /** An attribute of the item. */
  record Path(DocumentPath path) implements Operand {
    @Override
    public JsonNode resolve(JsonNode item) {
      return path.get(item);
    }
  }

  /** An {@code ExpressionAttributeValues} entry. */
  record Value(JsonNode value) implements Operand {
    @Override
    public JsonNode resolve(JsonNode item) {
      return value;
    }
  }

  /** {@code size(path)}: characters of a string, bytes of a binary, elements of a set, list or map. */
  record Size(DocumentPath path) implements Operand {
    @Override
    public JsonNode resolve(JsonNode item) {
      JsonNode value = path.get(item);
      if (value == null) {
        return null;
      }
      JsonNode payload = AttributeValues.payload(value);
      String text = payload.asText();
      Integer size = switch (AttributeValues.type(value)) {
        case "S" -> text.codePointCount(0, text.length());
        case "B" -> AttributeValues.binary(text).length;
        case "SS", "NS", "BS", "L", "M" -> payload.size();
        default -> null;
      };
      if (size == null) {
        return null;
      }
      return AttributeValues.number(BigDecimal.valueOf(size));
    }
  }

  /** {@code if_not_exists(path, operand)}. */
  record IfNotExists(DocumentPath path, Operand fallback) implements Operand {
    @Override
    public JsonNode resolve(JsonNode item) {
      JsonNode value = path.get(item);
      return value != null ? value : fallback.resolve(item);
    }
  }

  /** {@code list_append(first, second)}. */
  record ListAppend(Operand first, Operand second) implements Operand {
    @Override
    public JsonNode resolve(JsonNode item) {
      JsonNode a = required(first, item);
      JsonNode b = required(second, item);
      if (!a.has("L") || !b.has("L")) {
        throw incorrectType();
      }
      ArrayNode elements = ((ArrayNode) a.get("L")).deepCopy();
      elements.addAll(((ArrayNode) b.get("L")).deepCopy());
      return AttributeValues.of("L", elements);
    }
  }

  /** {@code left + right} or {@code left - right} on numbers. */
  record Arithmetic(Operand left, boolean plus, Operand right) implements Operand {
    @Override
    public JsonNode resolve(JsonNode item) {
      JsonNode a = required(left, item);
      JsonNode b = required(right, item);
      if (!a.has("N") || !b.has("N")) {
        throw incorrectType();
      }
      BigDecimal x = AttributeValues.number(a.get("N").asText());
      BigDecimal y = AttributeValues.number(b.get("N").asText());
      return AttributeValues.number(plus ? x.add(y) : x.subtract(y));
    }
  }
}
