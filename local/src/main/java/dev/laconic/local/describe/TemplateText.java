package dev.laconic.local.describe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Template values as a person reads them: a string as it is, an intrinsic function in the short
 * form of the YAML templates ({@code !Ref Table}, {@code !GetAtt Table.StreamArn},
 * {@code !Sub /aws/lambda/...}), anything else as compact JSON.
 */
final class TemplateText {

  private TemplateText() {}

  static String of(JsonNode value) {
    if (value == null || value.isMissingNode() || value.isNull()) {
      return "";
    }
    if (value.isValueNode()) {
      return value.asText();
    }
    if (value.isObject() && value.size() == 1) {
      Map.Entry<String, JsonNode> function = value.fields().next();
      JsonNode argument = function.getValue();
      switch (function.getKey()) {
        case "Ref":
          return "!Ref " + of(argument);
        case "Fn::GetAtt":
          return "!GetAtt " + (argument.isArray() ? joined(argument, ".") : of(argument));
        case "Fn::Sub":
          return "!Sub " + (argument.isArray() ? of(argument.path(0)) : of(argument));
        case "Fn::ImportValue":
          return "!ImportValue " + of(argument);
        case "Fn::Join":
          if (argument.isArray() && argument.size() == 2 && argument.get(1).isArray()) {
            return "!Join [" + argument.get(0).asText() + "] " + joined(argument.get(1), ", ");
          }
          break;
        default:
          break;
      }
    }
    return value.toString();
  }

  /**
   * The logical id a {@code Ref} or {@code Fn::GetAtt} names, the way a box names the resource
   * it points at; any other value as {@link #of}.
   */
  static String named(JsonNode value) {
    if (value.isObject() && value.has("Ref") && value.get("Ref").isTextual()) {
      return value.get("Ref").asText();
    }
    JsonNode getAtt = value.path("Fn::GetAtt");
    if (getAtt.isTextual()) {
      return getAtt.asText().split("\\.", 2)[0];
    }
    return getAtt.isArray() ? getAtt.path(0).asText() : of(value);
  }

  /** Each element of an array (or the one value that is not an array), as text. */
  static List<String> each(JsonNode values) {
    List<String> texts = new ArrayList<>();
    if (values.isArray()) {
      values.forEach(value -> texts.add(of(value)));
    } else if (!values.isMissingNode() && !values.isNull()) {
      texts.add(of(values));
    }
    return texts;
  }

  private static String joined(JsonNode array, String separator) {
    StringBuilder text = new StringBuilder();
    for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
      text.append(of(it.next())).append(it.hasNext() ? separator : "");
    }
    return text.toString();
  }
}
