package dev.laconic.local.engine.expression;

import com.fasterxml.jackson.databind.JsonNode;
import dev.laconic.local.engine.protocol.ApiException;
import dev.laconic.local.engine.storage.AttributeValues;
import dev.laconic.local.engine.storage.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * A Query's key condition, split into the partition key value and the optional sort key condition.
 *
 * <p>DynamoDB accepts {@code pk = :v}, optionally joined with AND to one sort key condition: {@code =}, {@code <},
 * {@code <=}, {@code >}, {@code >=}, {@code BETWEEN} or {@code begins_with}. The keys are the table's, or those of
 * the index the Query reads; a condition on another attribute counts as the sort key's missing. See
 * <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.KeyConditionExpressions.html">Key
 * condition expressions</a>.
 */
public final class KeyCondition {
  private final JsonNode hashValue;
  private final Condition rangeCondition;

  private KeyCondition(JsonNode hashValue, Condition rangeCondition) {
    this.hashValue = hashValue;
    this.rangeCondition = rangeCondition;
  }

  /** The condition on the keys {@code hashKey} and {@code rangeKey} (which may be null). */
  public static KeyCondition of(Table.KeyAttribute hashKey, Table.KeyAttribute rangeKey, Condition condition) {
    List<Condition> parts = new ArrayList<>();
    flatten(condition, parts);
    JsonNode hashValue = null;
    Condition rangeCondition = null;
    boolean otherAttribute = false;
    for (Condition part : parts) {
      Table.KeyAttribute key = keyOf(hashKey, rangeKey, part);
      if (key == null) {
        otherAttribute = true;
      } else if (key == hashKey) {
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
      throw missed(hashKey);
    }
    if (otherAttribute) {
      throw rangeKey == null || rangeCondition != null ? unsupported() : missed(rangeKey);
    }
    return new KeyCondition(hashValue, rangeCondition);
  }

  /** The partition key value. */
  public JsonNode hashValue() {
    return hashValue;
  }

  /** Whether an item of the partition meets the sort key condition, if any. */
  public boolean matchesRange(JsonNode item) {
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
   * The key attribute one part of the condition is about, or {@code null} for another attribute; the part must
   * compare a top-level attribute with values, of the key's type for a key.
   */
  private static Table.KeyAttribute keyOf(Table.KeyAttribute hashKey, Table.KeyAttribute rangeKey,
      Condition part) {
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
    Table.KeyAttribute key = attribute.equals(hashKey.name()) ? hashKey
        : rangeKey != null && attribute.equals(rangeKey.name()) ? rangeKey : null;
    for (Operand value : values) {
      if (!(value instanceof Operand.Value literal)) {
        throw unsupported();
      }
      if (key != null && !AttributeValues.type(literal.value()).equals(key.type())) {
        throw ApiException.validation(
            "One or more parameter values were invalid: Condition parameter type does not match schema type");
      }
    }
    return key;
  }

  private static ApiException missed(Table.KeyAttribute key) {
    return ApiException.validation("Query condition missed key schema element: " + key.name());
  }

  private static ApiException onePerKey() {
    return ApiException.validation(
        "Invalid KeyConditionExpression: KeyConditionExpressions must only contain one condition per key");
  }

  private static ApiException unsupported() {
    return ApiException.validation("Query key condition not supported");
  }
}
