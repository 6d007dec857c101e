package dev.laconic.local.engine.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.laconic.local.engine.protocol.ApiException;
import dev.laconic.local.engine.storage.AttributeValues;
import dev.laconic.local.engine.storage.SecondaryIndex;
import dev.laconic.local.engine.storage.Table;

/**
 * The checks a write passes for the key attributes of a table's secondary indexes: each of the
 * declared type and not empty, as DynamoDB refuses them, with its messages.
 *
 * <p>An item without an index's key attribute is simply not in that index; one with a key
 * attribute of another type, or an empty string or binary, is refused, since DynamoDB could
 * neither index it nor leave it out. UpdateItem is refused up front for what the expression
 * alone shows (a value of another type, a path into a key attribute) and after it is applied for
 * what only the item shows (a value copied from another attribute); so is a PartiQL UPDATE, whose
 * SET actions are an update expression. A whole item, as PutItem or a PartiQL INSERT writes it, is
 * checked by {@link Table#checkIndexKeys}.
 */
public final class IndexKeyChecks {
  private IndexKeyChecks() {
  }

  /** Checks what an update expression shows before it is applied to the item. */
  public static void checkExpression(Table table, UpdateExpression update) {
    for (SecondaryIndex index : table.indexes()) {
      for (Table.KeyAttribute key : index.keyAttributes()) {
        for (UpdateExpression.SetAction set : update.sets()) {
          String type = set.path().isTopLevel() && set.path().attribute().equals(key.name())
              ? typeOf(set.value()) : null;
          if (type != null && !type.equals(key.type())) {
            throw index.typeMismatch(key, type);
          }
        }
        for (UpdateExpression.ValueAction action : update.valueActions()) {
          String type = AttributeValues.type(action.value());
          if (action.path().isTopLevel() && action.path().attribute().equals(key.name())
              && !type.equals(key.type())) {
            throw index.typeMismatch(key, type);
          }
        }
      }
    }
    for (DocumentPath path : update.paths()) {
      for (SecondaryIndex index : table.indexes()) {
        if (!path.isTopLevel() && index.isKeyAttribute(path.attribute())) {
          throw ApiException.validation("Key attributes must be scalars; list random access '[]' and map lookup "
              + "'.' are not allowed: IndexKey: " + path.attribute());
        }
      }
    }
  }

  /** Checks the index key attributes an update wrote, in the item it produced. */
  public static void checkUpdated(Table table, UpdateExpression update, ObjectNode result) {
    for (DocumentPath path : update.paths()) {
      JsonNode value = result.get(path.attribute());
      if (value == null) {
        continue;
      }
      for (SecondaryIndex index : table.indexes()) {
        for (Table.KeyAttribute key : index.keyAttributes()) {
          if (!key.name().equals(path.attribute())) {
            continue;
          }
          String type = AttributeValues.type(value);
          if (!type.equals(key.type())) {
            throw ApiException.validation(
                "The update expression attempted to update the secondary index key to unsupported type");
          }
          if (AttributeValues.payload(value).asText().isEmpty()) {
            throw ApiException.validation("One or more parameter values are not valid. The update expression "
                + "attempted to update a secondary index key to a value that is not supported. The AttributeValue "
                + "for a key attribute cannot contain an empty " + (type.equals("B") ? "binary" : "string")
                + " value.");
          }
        }
      }
    }
  }

  /** The type a SET value has whatever the item holds, or {@code null} when it depends on the item. */
  private static String typeOf(Operand value) {
    if (value instanceof Operand.Value literal) {
      return AttributeValues.type(literal.value());
    }
    if (value instanceof Operand.Arithmetic || value instanceof Operand.Size) {
      return "N";
    }
    if (value instanceof Operand.ListAppend) {
      return "L";
    }
    return null;
  }
}
