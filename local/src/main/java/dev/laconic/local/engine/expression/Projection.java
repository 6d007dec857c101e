package dev.laconic.local.engine.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.laconic.local.engine.protocol.Json;
import dev.laconic.local.engine.storage.AttributeValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Copies the parts of an item that a list of document paths selects, keeping their nesting.
 *
 * <p>Used for {@code ProjectionExpression} and for {@code ReturnValues=UPDATED_OLD/UPDATED_NEW}. Selected list
 * elements are returned in index order, without gaps, as in
 * <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ProjectionExpressions.html">Projection
 * expressions</a>; paths that select nothing are left out.
 */
public final class Projection {
  private Projection() {
  }

  /** The selected attributes of {@code item}; an empty map when nothing was selected. */
  public static ObjectNode apply(JsonNode item, List<DocumentPath> paths) {
    Node root = new Node();
    for (DocumentPath path : paths) {
      Node node = root;
      for (Object element : path.elements()) {
        node = node.children.computeIfAbsent(element, key -> new Node());
      }
      node.whole = true;
    }
    ObjectNode result = Json.object();
    root.children.forEach((name, node) -> {
      JsonNode value = item.get((String) name);
      JsonNode projected = value == null ? null : project(value, node);
      if (projected != null) {
        result.set((String) name, projected);
      }
    });
    return result;
  }

  private static JsonNode project(JsonNode value, Node node) {
    if (node.whole) {
      return value;
    }
    if (value.has("M")) {
      ObjectNode map = Json.object();
      node.children.forEach((key, child) -> {
        JsonNode member = key instanceof String name ? value.get("M").get(name) : null;
        JsonNode projected = member == null ? null : project(member, child);
        if (projected != null) {
          map.set((String) key, projected);
        }
      });
      return map.isEmpty() ? null : AttributeValues.of("M", map);
    }
    if (value.has("L")) {
      Map<Integer, Node> byIndex = new TreeMap<>();
      node.children.forEach((key, child) -> {
        if (key instanceof Integer index) {
          byIndex.put(index, child);
        }
      });
      ArrayNode list = Json.array();
      byIndex.forEach((index, child) -> {
        JsonNode element = value.get("L").get(index);
        JsonNode projected = element == null ? null : project(element, child);
        if (projected != null) {
          list.add(projected);
        }
      });
      return list.isEmpty() ? null : AttributeValues.of("L", list);
    }
    return null;
  }

  /** One step of the selected paths: the whole value below it, or some of its children. */
  private static final class Node {
    private boolean whole;
    private final Map<Object, Node> children = new LinkedHashMap<>();
  }
}
