package dev.laconic.local.engine.expression;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A document path such as {@code a.b[2].c}: a top-level attribute name followed by map keys (strings) and list
 * indexes (integers); see
 * <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.Attributes.html">Referring
 * to item attributes</a>.
 */
public record DocumentPath(List<Object> elements) {
  public DocumentPath {
    elements = List.copyOf(elements);
  }

  /** The top-level attribute name. */
  public String attribute() {
    return (String) elements.get(0);
  }

  public boolean isTopLevel() {
    return elements.size() == 1;
  }

  DocumentPath parent() {
    return new DocumentPath(elements.subList(0, elements.size() - 1));
  }

  Object last() {
    return elements.get(elements.size() - 1);
  }

  /** The value at this path in {@code item} (a map of attribute names to values), or {@code null}. */
  public JsonNode get(JsonNode item) {
    JsonNode current = item.get(attribute());
    for (int i = 1; i < elements.size() && current != null; i++) {
      Object element = elements.get(i);
      JsonNode container = current.get(element instanceof Integer ? "L" : "M");
      if (container == null) {
        return null;
      }
      current = element instanceof Integer index ? container.get(index) : container.get((String) element);
    }
    return current;
  }

  /** Whether one path is the other or lies inside it, which DynamoDB forbids within one expression. */
  public boolean overlaps(DocumentPath other) {
    int common = Math.min(elements.size(), other.elements.size());
    return elements.subList(0, common).equals(other.elements.subList(0, common));
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("[");
    for (Object element : elements) {
      if (text.length() > 1) {
        text.append(", ");
      }
      text.append(element instanceof Integer ? "[" + element + "]" : element);
    }
    return text.append(']').toString();
  }
}
