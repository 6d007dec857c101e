package dev.laconic.local.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * A SAM function's properties over its template's {@code Globals.Function}, merged as SAM's
 * translator merges them: maps key by key (deeply), lists as the global entries followed by the
 * function's own (layers, subnets), and anything else, an intrinsic function included, the
 * function's own value when it has one.
 *
 * @see <a href="https://github.com/aws/serverless-application-model/blob/develop/samtranslator/plugins/globals/globals.py">
 *     SAM's Globals plugin</a>
 */
public final class SamGlobals {

  private SamGlobals() {}

  /**
   * The properties of {@code function}, a SAM function resource of {@code template}, with the
   * template's globals but those its {@code IgnoreGlobals} attribute leaves out: {@code "*"} for
   * all, or a list of property names.
   */
  public static JsonNode functionProperties(JsonNode template, JsonNode function) {
    JsonNode properties = function.path("Properties");
    JsonNode globals = template.path("Globals").path("Function");
    if (!globals.isObject()) {
      return properties;
    }
    JsonNode ignored = function.path("IgnoreGlobals");
    if (ignored.isTextual() && ignored.asText().equals("*")) {
      return properties;
    }
    if (ignored.isArray() && !ignored.isEmpty()) {
      ObjectNode kept = ((ObjectNode) globals).deepCopy();
      for (JsonNode name : ignored) {
        kept.remove(name.asText());
      }
      globals = kept;
    }
    return merged(globals, properties);
  }

  /** {@code local} over {@code global}. */
  static JsonNode merged(JsonNode global, JsonNode local) {
    if (local.isMissingNode()) {
      return global;
    }
    if (isMap(global) && isMap(local)) {
      ObjectNode merged = ((ObjectNode) global).deepCopy();
      for (Iterator<Map.Entry<String, JsonNode>> it = local.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        merged.set(entry.getKey(), merged(merged.path(entry.getKey()), entry.getValue()));
      }
      return merged;
    }
    if (global.isArray() && local.isArray()) {
      ArrayNode merged = ((ArrayNode) global).deepCopy();
      merged.addAll((ArrayNode) local);
      return merged;
    }
    return local;
  }

  /** An object that is no intrinsic function: SAM merges an intrinsic as a plain value. */
  private static boolean isMap(JsonNode node) {
    if (!node.isObject()) {
      return false;
    }
    if (node.size() != 1) {
      return true;
    }
    String key = node.fieldNames().next();
    return !key.equals("Ref") && !key.equals("Condition") && !key.startsWith("Fn::");
  }
}
