package dev.laconic.local.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A template value that is either written out or a {@code Ref} to a template parameter, such as
 * a mapping's {@code EventSourceArn}.
 *
 * @param literal the value as written, or null for a parameter
 * @param parameter the parameter's name, or null for a literal
 */
public record TemplateValue(String literal, String parameter) {

  static TemplateValue of(JsonNode node, JsonNode resources) {
    if (node != null && node.isObject() && node.has("Ref")) {
      return new TemplateValue(null, node.get("Ref").asText());
    }
    if (node != null && node.isObject() && node.has("Fn::GetAtt")) {
      // A resource of the template: locally, a table is found by its name, and a table's
      // TableName is its logical id unless the template sets one.
      JsonNode getAtt = node.get("Fn::GetAtt");
      String logicalId = getAtt.path(0).asText();
      JsonNode name = resources.path(logicalId).path("Properties").path("TableName");
      return new TemplateValue(name.isTextual() ? name.asText() : logicalId, null);
    }
    if (node == null || !node.isTextual()) {
      throw new IllegalArgumentException("expected a string or a Ref, found " + node);
    }
    return new TemplateValue(node.asText(), null);
  }

  /**
   * The value, with the parameter looked up in {@code parameters}.
   *
   * @throws IllegalArgumentException when the parameter has no value
   */
  public String resolve(Map<String, String> parameters) {
    if (literal != null) {
      return literal;
    }
    String value = parameters.get(parameter);
    if (value == null) {
      throw new IllegalArgumentException("template parameter " + parameter + " has no value;"
          + " give it one, such as " + parameter + "=<stream ARN or table name>");
    }
    return value;
  }

  @Override
  public String toString() {
    return literal != null ? literal : "${" + parameter + "}";
  }
}
