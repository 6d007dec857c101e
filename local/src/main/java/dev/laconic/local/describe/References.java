package dev.laconic.local.describe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.laconic.local.describe.ResourceNode.Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The nodes that template values name: a resource of the template (by {@code Ref} or
 * {@code Fn::GetAtt}), else a node for the value itself, outside the template (a parameter, an
 * ARN, an import). Each is made once, in the order it is first named.
 */
final class References {

  private final JsonNode resources;
  private final JsonNode parameters;
  private final Map<String, ResourceNode> nodes = new LinkedHashMap<>();

  References(JsonNode template) {
    this.resources = template.path("Resources");
    this.parameters = template.path("Parameters");
  }

  /** Adds a resource of the template that is drawn whether or not anything names it. */
  void declare(ResourceNode node) {
    nodes.put(node.id(), node);
  }

  /**
   * The id of the node {@code value} names, made if needed; {@code service} is what its use
   * tells of an outside source (a SAM event's type) when the value does not.
   */
  String nodeOf(JsonNode value, Service service) {
    Optional<String> logicalId = resourceId(value);
    if (logicalId.isPresent()) {
      String id = logicalId.get();
      nodes.computeIfAbsent(id, missing -> {
        String type = resources.path(id).path("Type").asText();
        return new ResourceNode(id, serviceOfType(type), type, List.of());
      });
      return id;
    }
    String text = TemplateText.of(value);
    nodes.computeIfAbsent(text, missing -> external(value, text, service));
    return text;
  }

  /** The logical id of the template's resource that {@code value} refers to, if it does. */
  Optional<String> resourceId(JsonNode value) {
    String id = null;
    if (value.isObject() && value.has("Ref")) {
      id = value.get("Ref").asText();
    } else if (value.isObject() && value.has("Fn::GetAtt")) {
      JsonNode getAtt = value.get("Fn::GetAtt");
      // [Name, Attribute], or the short form's "Name.Attribute".
      id = getAtt.isTextual() ? getAtt.asText().split("\\.", 2)[0] : getAtt.path(0).asText();
    }
    return id != null && resources.has(id) ? Optional.of(id) : Optional.empty();
  }

  /** The nodes, those declared first and then those named, each in its order. */
  List<ResourceNode> nodes() {
    return new ArrayList<>(nodes.values());
  }

  private ResourceNode external(JsonNode value, String text, Service service) {
    Settings settings = new Settings(value);
    Service told = Service.ofArn(text);
    if (value.isObject() && value.has("Ref")) {
      String name = value.get("Ref").asText();
      JsonNode parameter = parameters.path(name);
      settings.add("Parameter", name);
      if (parameter.has("Description")) {
        settings.add("Description", parameter.get("Description").asText());
      }
      if (parameter.has("Default")) {
        settings.add("Default", TemplateText.of(parameter.get("Default")));
      }
      // Laconic's parameters carry the ARN's pattern, which names the service.
      told = Service.ofArn(parameter.path("AllowedPattern").asText());
    } else {
      settings.add("Value", text);
    }
    return new ResourceNode(text, told == Service.OTHER ? service : told, "", settings.list());
  }

  static Service serviceOfType(String type) {
    return switch (type) {
      case "AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable" -> Service.DYNAMODB;
      case "AWS::Kinesis::Stream", "AWS::Kinesis::StreamConsumer" -> Service.KINESIS;
      case "AWS::SQS::Queue" -> Service.SQS;
      case "AWS::SNS::Topic" -> Service.SNS;
      case "AWS::S3::Bucket" -> Service.S3;
      default -> Service.OTHER;
    };
  }
}
