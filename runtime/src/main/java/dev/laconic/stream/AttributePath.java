package dev.laconic.stream;

/**
 * Where an attribute sits in an item, or a value in a JSON document, such as
 * {@code order.lines[2].qty}: for messages only.
 *
 * <p>A path is a chain of small immutable links; the text is built only when a message needs it,
 * so mapping an item that fits costs no string work.
 */
public final class AttributePath {

  private final AttributePath parent;
  private final String name;
  private final int index;

  private AttributePath(AttributePath parent, String name, int index) {
    this.parent = parent;
    this.name = name;
    this.index = index;
  }

  /**
   * The path of a whole item or document, named for messages (mappers use the type's name, e.g.
   * "order").
   */
  public static AttributePath root(String name) {
    return new AttributePath(null, name, -1);
  }

  /** The attribute or field {@code name} of the map or object at this path. */
  public AttributePath child(String name) {
    return new AttributePath(this, name, -1);
  }

  /** The element {@code index} of the list, set or array at this path. */
  public AttributePath index(int index) {
    return new AttributePath(this, null, index);
  }

  private static boolean plain(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '.' || c == '[' || c == ']' || c == '"' || c == '\\' || Character.isWhitespace(c)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    appendTo(text);
    return text.toString();
  }

  private void appendTo(StringBuilder text) {
    if (parent != null) {
      parent.appendTo(text);
    }
    if (name == null) {
      text.append('[').append(index).append(']');
    } else if (parent != null && !plain(name)) {
      // A map key or field name may hold dots or brackets; quoted, the path stays unambiguous.
      text.append("[\"").append(name.replace("\\", "\\\\").replace("\"", "\\\""))
          .append("\"]");
    } else {
      if (parent != null) {
        text.append('.');
      }
      text.append(name);
    }
  }
}
