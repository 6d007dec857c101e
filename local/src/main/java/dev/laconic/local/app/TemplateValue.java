package dev.laconic.local.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;

/**
 * A template value, such as a mapping's {@code EventSourceArn}: written out, a {@code Ref} to a
 * template parameter, or a resource of the template ({@code Fn::GetAtt [Name, Arn]},
 * {@code Fn::GetAtt [Table, StreamArn]}, or a {@code Ref} to a resource).
 *
 * @param literal the value as written; for a resource, the name it has locally (its name property,
 *     such as a table's {@code TableName}, else its logical id); null for a parameter
 * @param parameter the parameter's name, or null
 * @param resource the logical id of the template's resource, or null
 * @param resourceType that resource's type, such as {@code AWS::Kinesis::Stream}, or null
 */
public record TemplateValue(String literal, String parameter, String resource,
    String resourceType) {

  /** A value written out. */
  public static TemplateValue literal(String value) {
    return new TemplateValue(value, null, null, null);
  }

  /** A {@code Ref} to the template parameter {@code name}. */
  public static TemplateValue parameter(String name) {
    return new TemplateValue(null, name, null, null);
  }

  static TemplateValue of(JsonNode node, JsonNode resources) {
    String logicalId = null;
    if (node != null && node.isObject() && node.has("Ref")) {
      logicalId = node.get("Ref").asText();
      if (!resources.has(logicalId)) {
        return parameter(logicalId);
      }
    } else if (node != null && node.isObject() && node.has("Fn::GetAtt")) {
      JsonNode getAtt = node.get("Fn::GetAtt");
      // [Name, Attribute], or the short form's "Name.Attribute".
      logicalId = getAtt.isTextual() ? getAtt.asText().split("\\.", 2)[0] : getAtt.path(0).asText();
    }
    if (logicalId != null && !resources.has(logicalId)) {
      return literal(logicalId); // not in the template: taken for a table's name
    }
    if (logicalId != null) {
      JsonNode resource = resources.path(logicalId);
      String type = resource.path("Type").asText();
      return new TemplateValue(localName(logicalId, type, resource.path("Properties")), null,
          logicalId, type);
    }
    if (node == null || !node.isTextual()) {
      throw new IllegalArgumentException("expected a string, a Ref or a Fn::GetAtt, found "
          + node);
    }
    return literal(node.asText());
  }

  /**
   * The resource's name, the way the local runner looks it up: a table is found by its name, and
   * a resource without a name property is named after its logical id.
   */
  private static String localName(String logicalId, String type, JsonNode properties) {
    String property = switch (type) {
      case "AWS::DynamoDB::Table" -> "TableName";
      case "AWS::Kinesis::Stream" -> "Name";
      case "AWS::Kinesis::StreamConsumer" -> "ConsumerName";
      case "AWS::SQS::Queue" -> "QueueName";
      case "AWS::SNS::Topic" -> "TopicName";
      case "AWS::S3::Bucket" -> "BucketName";
      default -> null;
    };
    JsonNode name = property == null ? null : properties.get(property);
    if (name != null && name.isTextual()) {
      return name.asText();
    }
    // CloudFormation names a FIFO queue with ".fifo" at the end, as SQS requires.
    boolean fifoQueue = type.equals("AWS::SQS::Queue")
        && properties.path("FifoQueue").asText().equalsIgnoreCase("true");
    return fifoQueue ? logicalId + ".fifo" : logicalId;
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

  /**
   * The AWS service of what the value names, as its ARN spells it ({@code dynamodb},
   * {@code kinesis}, {@code sqs}, ...): told by the resource's type for a resource of the template,
   * by the ARN for an ARN; any other value is a table's name, {@code dynamodb}.
   *
   * @throws IllegalArgumentException when the value is a parameter without a value
   */
  public String service(Map<String, String> parameters) {
    if (resourceType != null) {
      String[] parts = resourceType.split("::");
      return parts.length == 3 ? parts[1].toLowerCase(Locale.ROOT) : resourceType;
    }
    String value = resolve(parameters);
    String[] arn = value.split(":", 4);
    return arn.length == 4 && arn[0].equals("arn") ? arn[2] : "dynamodb";
  }

  @Override
  public String toString() {
    if (resource != null) {
      return resource + " (" + resourceType + ")";
    }
    return literal != null ? literal : "${" + parameter + "}";
  }
}
