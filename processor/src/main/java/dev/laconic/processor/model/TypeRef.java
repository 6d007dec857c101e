package dev.laconic.processor.model;

import java.util.List;

/**
 * A Java class named without javac: its package and its simple names from the outermost, so that
 * generators can name it and its generated companions.
 *
 * @param packageName "" for the unnamed package
 * @param simpleNames such as [Order, Line] for the nested {@code Order.Line}
 */
public record TypeRef(String packageName, List<String> simpleNames) {

  public TypeRef {
    simpleNames = List.copyOf(simpleNames);
  }

  /** As written in Java: {@code com.example.Order.Line}. */
  public String qualifiedName() {
    String nested = String.join(".", simpleNames);
    return packageName.isEmpty() ? nested : packageName + "." + nested;
  }

  /** The simple names joined by dots, for messages: {@code Order.Line}. */
  public String displayName() {
    return String.join(".", simpleNames);
  }

  /** The generated mapper's simple name: {@code OrderStreamMapper}, {@code Order_LineStreamMapper}. */
  public String mapperSimpleName() {
    return String.join("_", simpleNames) + "StreamMapper";
  }

  /**
   * The generated JSON reader's simple name: {@code OrderJsonReader}, {@code Order_LineJsonReader}.
   */
  public String jsonReaderSimpleName() {
    return String.join("_", simpleNames) + "JsonReader";
  }

  /** The name of the root of attribute paths in messages: {@code order} for Order. */
  public String pathRoot() {
    String last = simpleNames.get(simpleNames.size() - 1);
    return Character.toLowerCase(last.charAt(0)) + last.substring(1);
  }
}
