package dev.laconic.local.engine.expression;

import com.fasterxml.jackson.databind.JsonNode;
import dev.laconic.local.engine.storage.AttributeValues;
import java.util.Arrays;
import java.util.List;

/**
 * A parsed condition, filter or key condition expression, evaluated against one item.
 *
 * <p>Semantics follow the
 * <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.OperatorsAndFunctions.html">Comparison
 * operator and function reference</a>: a comparison with a missing attribute is false (except {@code <>}, which is
 * true), ordering comparisons apply only to two strings, two numbers or two binaries, and everything else is false
 * rather than an error.
 */
public interface Condition {
  /** Whether {@code item} (a map of attribute names to values, empty for a missing item) satisfies the condition. */
  boolean test(JsonNode item);

  /** {@code left AND right}. */
  record And(Condition left, Condition right) implements Condition {
    @Override
    public boolean test(JsonNode item) {
      return left.test(item) && right.test(item);
    }
  }

  /** {@code left OR right}. */
  record Or(Condition left, Condition right) implements Condition {
    @Override
    public boolean test(JsonNode item) {
      return left.test(item) || right.test(item);
    }
  }

  /** {@code NOT operand}. */
  record Not(Condition operand) implements Condition {
    @Override
    public boolean test(JsonNode item) {
      return !operand.test(item);
    }
  }

  /** {@code left <operator> right} with one of {@code = <> < <= > >=}. */
  record Compare(Operand left, String operator, Operand right) implements Condition {
    @Override
    public boolean test(JsonNode item) {
      JsonNode a = left.resolve(item);
      JsonNode b = right.resolve(item);
      boolean equal = a != null && b != null && AttributeValues.equal(a, b);
      if (operator.equals("=")) {
        return equal;
      }
      if (operator.equals("<>")) {
        return !equal;
      }
      Integer order = a == null || b == null ? null : AttributeValues.compare(a, b);
      if (order == null) {
        return false;
      }
      return switch (operator) {
        case "<" -> order < 0;
        case "<=" -> order <= 0;
        case ">" -> order > 0;
        default -> order >= 0;
      };
    }
  }

  /** {@code value BETWEEN lower AND upper}, bounds included. */
  record Between(Operand value, Operand lower, Operand upper) implements Condition {
    @Override
    public boolean test(JsonNode item) {
      return new Compare(value, ">=", lower).test(item) && new Compare(value, "<=", upper).test(item);
    }
  }

  /** {@code value IN (candidate, ...)}. */
  record In(Operand value, List<Operand> candidates) implements Condition {
    @Override
    public boolean test(JsonNode item) {
      return candidates.stream().anyMatch(candidate -> new Compare(value, "=", candidate).test(item));
    }
  }

  /** {@code attribute_exists(path)} when {@code exists}, otherwise {@code attribute_not_exists(path)}. */
  record AttributeExists(DocumentPath path, boolean exists) implements Condition {
    @Override
    public boolean test(JsonNode item) {
      return (path.get(item) != null) == exists;
    }
  }

  /** {@code attribute_type(path, :type)}. */
  record AttributeType(DocumentPath path, String type) implements Condition {
    @Override
    public boolean test(JsonNode item) {
      JsonNode value = path.get(item);
      return value != null && AttributeValues.type(value).equals(type);
    }
  }

  /** {@code begins_with(value, prefix)} on strings or binaries. */
  record BeginsWith(Operand value, Operand prefix) implements Condition {
    @Override
    public boolean test(JsonNode item) {
      JsonNode a = value.resolve(item);
      JsonNode p = prefix.resolve(item);
      if (a == null || p == null || !AttributeValues.type(a).equals(AttributeValues.type(p))) {
        return false;
      }
      String text = AttributeValues.payload(a).asText();
      String start = AttributeValues.payload(p).asText();
      return switch (AttributeValues.type(a)) {
        case "S" -> text.startsWith(start);
        case "B" -> startsWith(AttributeValues.binary(text), AttributeValues.binary(start));
        default -> false;
      };
    }

    private static boolean startsWith(byte[] bytes, byte[] start) {
      return bytes.length >= start.length && Arrays.equals(bytes, 0, start.length, start, 0, start.length);
    }
  }

  /** {@code contains(value, operand)}: a substring of a string, an element of a set or of a list. */
  record Contains(Operand value, Operand operand) implements Condition {
    @Override
    public boolean test(JsonNode item) {
      JsonNode container = value.resolve(item);
      JsonNode element = operand.resolve(item);
      if (container == null || element == null) {
        return false;
      }
      String type = AttributeValues.type(container);
      if (type.equals("S")) {
        return element.has("S") && container.get("S").asText().contains(element.get("S").asText());
      }
      if (AttributeValues.isSet(type)) {
        return AttributeValues.setContains(container, element);
      }
      if (type.equals("L")) {
        for (JsonNode member : container.get("L")) {
          if (AttributeValues.equal(member, element)) {
            return true;
          }
        }
      }
      return false;
    }
  }
}
