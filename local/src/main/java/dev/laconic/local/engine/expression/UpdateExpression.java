package dev.laconic.local.engine.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.laconic.local.engine.protocol.ApiException;
import dev.laconic.local.engine.storage.AttributeValues;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed update expression: its SET, REMOVE, ADD and DELETE actions.
 *
 * <p>As in DynamoDB, every operand is read from the item as it was before the update, so the actions of one
 * expression do not see each other's results; paths may not overlap, which the parser checks. See
 * <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.UpdateExpressions.html">Update
 * expressions</a>.
 */
public final class UpdateExpression {
  /** {@code SET path = value}. */
  public record SetAction(DocumentPath path, Operand value) {
  }

  /** {@code ADD path :value} or {@code DELETE path :value}. */
  public record ValueAction(DocumentPath path, JsonNode value) {
  }

  private final List<SetAction> sets;
  private final List<DocumentPath> removes;
  private final List<ValueAction> adds;
  private final List<ValueAction> deletes;

  public UpdateExpression(List<SetAction> sets, List<DocumentPath> removes, List<ValueAction> adds,
      List<ValueAction> deletes) {
    this.sets = List.copyOf(sets);
    this.removes = List.copyOf(removes);
    this.adds = List.copyOf(adds);
    this.deletes = List.copyOf(deletes);
  }

  public List<SetAction> sets() {
    return sets;
  }

  /** The ADD actions, then the DELETE actions. */
  public List<ValueAction> valueActions() {
    List<ValueAction> actions = new ArrayList<>(adds);
    actions.addAll(deletes);
    return actions;
  }

  /** Every path the expression writes, for the key-attribute check and {@code UPDATED_OLD/NEW}. */
  public List<DocumentPath> paths() {
    List<DocumentPath> paths = new ArrayList<>();
    sets.forEach(action -> paths.add(action.path()));
    paths.addAll(removes);
    adds.forEach(action -> paths.add(action.path()));
    deletes.forEach(action -> paths.add(action.path()));
    return paths;
  }

  /**
   * Whether the expression writes data. DynamoDB does not create a missing item for an update that only removes
   * attributes or set elements.
   */
  public boolean addsData() {
    return !sets.isEmpty() || !adds.isEmpty();
  }

  /** The item after the update; {@code original} (the stored item, or just its key) is left unchanged. */
  public ObjectNode apply(ObjectNode original) {
    ObjectNode result = original.deepCopy();
    for (SetAction set : inIndexOrder(sets)) {
      assign(result, set.path(), Operand.required(set.value(), original));
    }
    for (ValueAction add : adds) {
      assign(result, add.path(), added(add.path().get(original), add.value()));
    }
    List<DocumentPath> removals = new ArrayList<>(removes);
    for (ValueAction delete : deletes) {
      JsonNode existing = delete.path().get(original);
      if (existing == null) {
        continue;
      }
      if (!AttributeValues.type(existing).equals(AttributeValues.type(delete.value()))) {
        throw Operand.incorrectType();
      }
      // A set can't be empty, so removing its last element removes the attribute.
      JsonNode remaining = AttributeValues.difference(existing, delete.value());
      if (remaining == null) {
        removals.add(delete.path());
      } else {
        assign(result, delete.path(), remaining);
      }
    }
    remove(result, removals);
    return result;
  }

  /**
   * The SET actions with those that write elements of one list in the order of their indexes,
   * at the place of the first of them, as DynamoDB applies them: {@code SET l[3] = :a, l[2] = :b}
   * on a list of two appends {@code :b}, then {@code :a}, where the written order would put
   * {@code :a} at the end and then overwrite it.
   */
  private static List<SetAction> inIndexOrder(List<SetAction> sets) {
    Map<List<Object>, List<SetAction>> byList = new java.util.LinkedHashMap<>();
    List<Object> order = new ArrayList<>();
    for (SetAction set : sets) {
      List<Object> elements = set.path().elements();
      if (!(elements.get(elements.size() - 1) instanceof Integer)) {
        order.add(set);
        continue;
      }
      List<Object> list = elements.subList(0, elements.size() - 1);
      if (!byList.containsKey(list)) {
        byList.put(list, new ArrayList<>());
        order.add(list);
      }
      byList.get(list).add(set);
    }
    List<SetAction> ordered = new ArrayList<>();
    for (Object entry : order) {
      if (entry instanceof SetAction set) {
        ordered.add(set);
      } else {
        List<SetAction> elementSets = byList.get(entry);
        elementSets.sort(Comparator.comparingInt(set -> (Integer) set.path()
            .elements().get(set.path().elements().size() - 1)));
        ordered.addAll(elementSets);
      }
    }
    return ordered;
  }

    /** ADD: a number is incremented (from 0 when missing), a set gains elements (created when missing). */
  private static JsonNode added(JsonNode existing, JsonNode value) {
    if (existing == null) {
      return value;
    }
    String type = AttributeValues.type(value);
    if (!AttributeValues.type(existing).equals(type)) {
      throw Operand.incorrectType();
    }
    if (type.equals("N")) {
      BigDecimal sum = AttributeValues.number(existing.get("N").asText())
          .add(AttributeValues.number(value.get("N").asText()));
      return AttributeValues.number(sum);
    }
    return AttributeValues.union(existing, value);
  }

  private static void assign(ObjectNode item, DocumentPath path, JsonNode value) {
    JsonNode copy = value.deepCopy();
    if (path.isTopLevel()) {
      item.set(path.attribute(), copy);
      return;
    }
    JsonNode parent = path.parent().get(item);
    Object last = path.last();
    if (parent != null && last instanceof String name && parent.has("M")) {
      ((ObjectNode) parent.get("M")).set(name, copy);
    } else if (parent != null && last instanceof Integer index && parent.has("L")) {
      ArrayNode list = (ArrayNode) parent.get("L");
      // Setting an index past the end appends, as DynamoDB does.
      if (index < list.size()) {
        list.set(index, copy);
      } else {
        list.add(copy);
      }
    } else {
      throw invalidPath();
    }
  }

  private static void remove(ObjectNode item, List<DocumentPath> paths) {
    Map<ArrayNode, List<Integer>> listRemovals = new IdentityHashMap<>();
    for (DocumentPath path : paths) {
      if (path.isTopLevel()) {
        item.remove(path.attribute());
        continue;
      }
      JsonNode parent = path.parent().get(item);
      Object last = path.last();
      if (parent != null && last instanceof String name && parent.has("M")) {
        ((ObjectNode) parent.get("M")).remove(name);
      } else if (parent != null && last instanceof Integer index && parent.has("L")) {
        listRemovals.computeIfAbsent((ArrayNode) parent.get("L"), list -> new ArrayList<>()).add(index);
      } else {
        throw invalidPath();
      }
    }
    // Indexes refer to the list before the update, so remove from the highest down.
    listRemovals.forEach((list, indexes) -> {
      indexes.sort(Comparator.reverseOrder());
      for (int index : indexes) {
        if (index < list.size()) {
          list.remove(index);
        }
      }
    });
  }

  private static ApiException invalidPath() {
    return ApiException.validation("The document path provided in the update expression is invalid for update");
  }
}
