package dev.laconic.local.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A Query's key condition, split into the partition key value and the optional sort key condition.
 *
 * <p>DynamoDB accepts {@code pk = :v}, optionally joined with AND to one sort key condition: {@code =}, {@code <},
 * {@code <=}, {@code >}, {@code >=}, {@code BETWEEN} or {@code begins_with}; see
 * <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.KeyConditionExpressions.html">Key
 * condition expressions</a>.
 */
final class KeyCondition {
  private final JsonNode hashValue;
  private final Condition rangeCondition;

  private KeyCondition(JsonNode hashValue, Condition rangeCondition) {
    this.hashValue = hashValue;
    this.rangeCondition = rangeCondition;
  }

  static KeyCondition of(Table table, Condition condition) {
    List<Condition> parts = new ArrayList<>();
    flatten(condition, parts);
    JsonNode hashValue = null;
    Condition rangeCondition = null;
    for (Condition part : parts) {
      Table.KeyAttribute key = keyOf(table, part);
      if (key == table.hashKey()) {
        if (hashValue != null) {
          throw onePerKey();
        }
        if (!(part instanceof Condition.Compare compare) || !compare.operator().equals("=")) {
          throw unsupported();
        }
        hashValue = ((Operand.Value) compare.right()).value();
      } else {
        if (rangeCondition != null) {
          throw onePerKey();
        }
        rangeCondition = part;
      }
    }
    if (hashValue == null) {
      throw ApiException.validation("Query condition missed key schema element: " + table.hashKey().name());
    }
    return new KeyCondition(hashValue, rangeCondition);
  }

  /** The partition key value. */
  JsonNode hashValue() {
    return hashValue;
  }

  /** Whether an item of the partition meets the sort key condition, if any. */
  boolean matchesRange(JsonNode item) {
    return rangeCondition == null || rangeCondition.test(item);
  }

  private static void flatten(Condition condition, List<Condition> parts) {
    if (condition instanceof Condition.And and) {
      flatten(and.left(), parts);
      flatten(and.right(), parts);
    } else {
      parts.add(condition);
    }
  }

  /**
   * The key attribute one part of the condition is about; the part must compare a top-level key attribute with
   * values of the key's type.
   */
  private static Table.KeyAttribute keyOf(Table table, Condition part) {
    Operand subject;
    List<Operand> values = new ArrayList<>();
    if (part instanceof Condition.Compare compare && !compare.operator().equals("<>")) {
      subject = compare.left();
      values.add(compare.right());
    } else if (part instanceof Condition.Between between) {
      subject = between.value();
      values.add(between.lower());
      values.add(between.upper());
    } else if (part instanceof Condition.BeginsWith beginsWith) {
      subject = beginsWith.value();
      values.add(beginsWith.prefix());
    } else {
      throw unsupported();
    }
    if (!(subject instanceof Operand.Path path) || !path.path().isTopLevel()) {
      throw unsupported();
    }
    String attribute = path.path().attribute();
    Table.KeyAttribute key = attribute.equals(table.hashKey().name()) ? table.hashKey()
        : table.rangeKey() != null && attribute.equals(table.rangeKey().name()) ? table.rangeKey() : null;
    if (key == null) {
      throw unsupported();
    }
    for (Operand value : values) {
      if (!(value instanceof Operand.Value literal)) {
        throw unsupported();
      }
      if (!AttributeValues.type(literal.value()).equals(key.type())) {
        throw ApiException.validation(
            "One or more parameter values were invalid: Condition parameter type does not match schema type");
      }
    }
    return key;
  }

  private static ApiException onePerKey() {
    return ApiException.validation(
        "Invalid KeyConditionExpression: KeyConditionExpressions must only contain one condition per key");
  }

  private static ApiException unsupported() {
    return ApiException.validation("Query key condition not supported");
  }
}
