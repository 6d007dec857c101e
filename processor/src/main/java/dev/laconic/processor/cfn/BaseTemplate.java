package dev.laconic.processor.cfn;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.laconic.processor.model.ArnRef;
import java.util.ArrayList;
import java.io.IOException;
import java.io.Reader;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The user's own CloudFormation template (tables, queues, parameters...), read as a tree and
 * merged with the generated resources. YAML's short intrinsic forms ({@code !Ref X},
 * {@code !GetAtt X.Arn}, {@code !Sub ...}) become the long forms ({@code Ref},
 * {@code Fn::GetAtt}, {@code Fn::Sub}) with the same meaning; JSON templates read as they are.
 */
public final class BaseTemplate {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final YAMLFactory YAML = new YAMLFactory();

  private final ObjectNode tree;

  private BaseTemplate(ObjectNode tree) {
    this.tree = tree;
  }

  /**
   * Reads a template in YAML or JSON (JSON is YAML).
   *
   * @throws IOException for unreadable text or a template without a {@code Resources} object
   */
  public static BaseTemplate read(Reader text) throws IOException {
    try (JsonParser parser = YAML.createParser(text)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("a template must be a mapping of sections");
      }
      JsonNode tree = value(parser, new java.util.HashMap<>());
      if (!tree.path("Resources").isObject()) {
        throw new IOException("a template must have a Resources mapping");
      }
      for (String section : List.of("Parameters", "Conditions", "Outputs")) {
        JsonNode entries = tree.get(section);
        if (entries != null && entries.isNull()) {
          ((ObjectNode) tree).putObject(section); // "Outputs:" with nothing under it
        } else if (entries != null && !entries.isObject()) {
          throw new IOException(section + " must be a mapping");
        }
      }
      if (parser.nextToken() != null) {
        throw new IOException("the file holds more than one YAML document");
      }
      return new BaseTemplate((ObjectNode) tree);
    } catch (UncheckedTag e) {
      throw new IOException("unknown tag " + e.tag + "; CloudFormation's short forms are !Ref,"
          + " !GetAtt, !Sub and the other Fn:: functions", e);
    }
  }

  /** A tag that is neither YAML's nor one of CloudFormation's short forms. */
  private static final class UncheckedTag extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String tag;

    UncheckedTag(String tag) {
      super(tag, null, false, false);
      this.tag = tag;
    }
  }

  /** The template as read, intrinsics in long form. */
  public ObjectNode tree() {
    return tree;
  }

  /**
   * The entry of this template that a generated entry {@code id} of {@code section} would clash
   * with, such as {@code Resources.OrdersTable}; null when it is free. Parameters and resources
   * share one namespace, outputs have their own; a parameter this template declares is reused,
   * not a clash.
   */
  public String clashWith(String section, String id) {
    List<String> shared = section.equals("Outputs") ? List.of("Outputs")
        : section.equals("Parameters") ? List.of("Resources") : List.of("Parameters", "Resources");
    for (String taken : shared) {
      if (tree.path(taken).has(id)) {
        return taken + "." + id;
      }
    }
    return null;
  }

  /** Resource {@code logicalId}, for an {@code @Name} value; null when there is none. */
  public ArnRef.Resource resource(String logicalId) {
    JsonNode resource = tree.path("Resources").path(logicalId);
    if (!resource.isObject() || !resource.path("Type").isTextual()) {
      return null;
    }
    JsonNode properties = resource.path("Properties");
    return new ArnRef.Resource(logicalId, resource.path("Type").asText(),
        properties.path("StreamSpecification").isObject(),
        properties.isObject() ? properties.deepCopy() : NODES.objectNode());
  }

  /**
   * {@code generated} merged into this template: this template's sections and entries first, in
   * their order and unchanged; the generated parameters, resources and outputs after them,
   * except parameters this template already declares. A generated {@code Transform} (the SAM
   * variant's) is added after this template's own transforms, unless it names it already: SAM
   * must run last, after macros that may write serverless resources. Logical ids must not clash
   * (checked by the caller with {@link #clashWith}).
   */
  public ObjectNode merge(ObjectNode generated) {
    ObjectNode merged = tree.deepCopy();
    if (!merged.has("AWSTemplateFormatVersion")) {
      merged.set("AWSTemplateFormatVersion", generated.get("AWSTemplateFormatVersion"));
    }
    JsonNode transform = generated.get("Transform");
    if (transform != null) {
      JsonNode own = merged.get("Transform");
      if (own == null) {
        merged.set("Transform", transform);
      } else if (own.isArray()) {
        if (!contains(own, transform)) {
          ((ArrayNode) own).add(transform);
        }
      } else if (!own.equals(transform)) {
        merged.putArray("Transform").add(own).add(transform);
      }
    }
    for (String section : List.of("Parameters", "Resources", "Outputs")) {
      JsonNode entries = generated.get(section);
      if (entries == null) {
        continue;
      }
      ObjectNode target = merged.has(section) ? (ObjectNode) merged.get(section)
          : merged.putObject(section);
      for (Iterator<Map.Entry<String, JsonNode>> it = entries.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        if (!target.has(entry.getKey())) {
          target.set(entry.getKey(), entry.getValue());
        }
      }
    }
    return merged;
  }

  private static boolean contains(JsonNode array, JsonNode element) {
    for (JsonNode item : array) {
      if (item.equals(element)) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode value(JsonParser parser, Map<String, JsonNode> anchors)
      throws IOException {
    if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      // *name repeats the node anchored &name, as every YAML reader (the AWS CLI's too) does.
      JsonNode anchored = anchors.get(parser.getText());
      if (anchored == null) {
        throw new IOException("alias *" + parser.getText() + " has no anchor");
      }
      return anchored.deepCopy();
    }
    Object typeId = parser.getTypeId(); // the YAML tag, such as !Ref
    String tag = typeId == null ? null : typeId.toString();
    Object anchor = parser.getObjectId();
    JsonNode value;
    switch (parser.currentToken()) {
      case START_OBJECT: {
        ObjectNode object = NODES.objectNode();
        List<JsonNode> merged = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          JsonNode field = value(parser, anchors);
          if (name.equals("<<")) {
            merged.add(field); // YAML merge key: the mapping's own keys win
          } else if (object.has(name)) {
            throw new IOException("key " + name + " appears twice in one mapping");
          } else {
            object.set(name, field);
          }
        }
        for (JsonNode source : merged) {
          for (JsonNode part : source.isArray() ? source : NODES.arrayNode().add(source)) {
            part.fields().forEachRemaining(e -> {
              if (!object.has(e.getKey())) {
                object.set(e.getKey(), e.getValue());
              }
            });
          }
        }
        value = object;
        break;
      }
      case START_ARRAY: {
        ArrayNode array = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(value(parser, anchors));
        }
        value = array;
        break;
      }
      case VALUE_NUMBER_INT:
        value = NODES.numberNode(parser.getBigIntegerValue());
        break;
      case VALUE_NUMBER_FLOAT:
        value = NODES.numberNode(parser.getDecimalValue());
        break;
      case VALUE_TRUE:
      case VALUE_FALSE:
        value = NODES.booleanNode(parser.getBooleanValue());
        break;
      case VALUE_NULL:
        value = NODES.nullNode();
        break;
      default:
        value = NODES.textNode(parser.getText());
    }
    if (tag != null) {
      value = tag.startsWith("tag:yaml.org,2002:") ? coreType(tag, value) : intrinsic(tag, value);
    }
    if (anchor != null) {
      anchors.put(anchor.toString(), value);
    }
    return value;
  }

  /** YAML's own tags ({@code !!str 123}) only fix the scalar's type. */
  private static JsonNode coreType(String tag, JsonNode value) {
    String type = tag.substring("tag:yaml.org,2002:".length());
    if (!value.isValueNode()) {
      return value;
    }
    return switch (type) {
      case "str" -> NODES.textNode(value.asText());
      case "int" -> NODES.numberNode(new java.math.BigInteger(value.asText()));
      case "float" -> NODES.numberNode(new java.math.BigDecimal(value.asText()));
      case "bool" -> NODES.booleanNode(Boolean.parseBoolean(value.asText()));
      case "null" -> NODES.nullNode();
      default -> value;
    };
  }

  /** CloudFormation's short forms, with the long form each stands for. */
  private static final Set<String> SHORT_FORMS = Set.of("Ref", "Condition", "GetAtt", "Base64",
      "Cidr", "FindInMap", "GetAZs", "ImportValue", "Join", "Select", "Split", "Sub",
      "Transform", "And", "Equals", "If", "Not", "Or", "Contains", "EachMemberEquals",
      "EachMemberIn", "RefAll", "ValueOf", "ValueOfAll", "ToJsonString", "Length");

  /** {@code !Ref X} is {@code {"Ref": X}}; {@code !GetAtt A.B} is {@code {"Fn::GetAtt": [A, B]}}. */
  private static JsonNode intrinsic(String tag, JsonNode value) {
    String name = tag.startsWith("!") ? tag.substring(1) : tag;
    if (!SHORT_FORMS.contains(name)) {
      throw new UncheckedTag(tag);
    }
    ObjectNode intrinsic = NODES.objectNode();
    switch (name) {
      case "Ref":
      case "Condition":
        intrinsic.set(name, value);
        break;
      case "GetAtt":
        if (value.isTextual()) {
          String text = value.asText();
          int dot = text.indexOf('.');
          ArrayNode parts = intrinsic.putArray("Fn::GetAtt");
          parts.add(dot < 0 ? text : text.substring(0, dot));
          if (dot >= 0) {
            parts.add(text.substring(dot + 1));
          }
        } else {
          intrinsic.set("Fn::GetAtt", value);
        }
        break;
      default:
        intrinsic.set("Fn::" + name, value);
    }
    return intrinsic;
  }
}
