package dev.laconic.maven;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.laconic.local.app.FunctionDefinition;
import dev.laconic.local.app.MappingDefinition;
import dev.laconic.local.app.TemplateValue;
import dev.laconic.local.events.EventGenerator;
import java.util.Optional;

/**
 * The DynamoDB stream event of one item change, for {@code laconic:invoke -Dinsert}, {@code
 * -Dmodify} or {@code -Dremove}, as the function's DynamoDB mapping would deliver it: from its
 * stream's ARN, keyed by the table's key schema, with the images its stream view type carries.
 * When the mapping reads a table of the template, the table says the key schema and view type;
 * otherwise the first attribute is the key and both images are sent, as
 * {@code NEW_AND_OLD_IMAGES}.
 */
final class ItemChangeEvent {

  private ItemChangeEvent() {}

  /**
   * @param template the application's template
   * @param newImage the item after the change (DynamoDB JSON), or empty for a REMOVE
   * @param oldImage the item before it, or empty for an INSERT
   * @throws IllegalArgumentException when the function has no DynamoDB mapping or an image is
   *     not DynamoDB JSON
   */
  static ObjectNode of(JsonNode template, FunctionDefinition function, String region,
      Optional<JsonNode> newImage, Optional<JsonNode> oldImage) {
    MappingDefinition mapping = function.mappings().stream()
        .filter(m -> isDynamoStream(m.eventSourceArn(), template))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(function.displayName() + " has no"
            + " DynamoDB stream mapping, so an item change is not its event. Give -Devent=FILE."));
    TemplateValue source = mapping.eventSourceArn();
    JsonNode table = source.resource() == null ? null
        : template.path("Resources").path(source.resource()).path("Properties");
    // A stream ARN as written; else the ARN of the table's stream, named as the runner names it.
    String streamArn = source.literal() != null && source.literal().startsWith("arn:")
        ? source.literal()
        : EventGenerator.dynamodbStreamArn(region, source.literal() != null ? source.literal()
            : source.parameter());
    if (table != null && !table.path("StreamSpecification").path("StreamViewType").isTextual()) {
      throw new IllegalArgumentException("Table " + source.resource() + " has no stream"
          + " (StreamSpecification), so it sends no changes.");
    }
    String viewType = table == null ? "NEW_AND_OLD_IMAGES"
        : table.path("StreamSpecification").path("StreamViewType").asText();

    JsonNode image = newImage.orElseGet(() -> oldImage.orElseThrow());
    Optional<JsonNode> keys = Optional.empty();
    if (table != null && table.path("KeySchema").isArray()) {
      ObjectNode keyAttributes = JsonNodeFactory.instance.objectNode();
      for (JsonNode key : table.path("KeySchema")) {
        String name = key.path("AttributeName").asText();
        if (!image.has(name)) {
          throw new IllegalArgumentException("The item has no " + name + ", a key attribute of"
              + " table " + source.resource() + ".");
        }
        keyAttributes.set(name, image.get(name));
      }
      keys = Optional.of(keyAttributes);
    }
    return new EventGenerator().dynamodb(streamArn, keys, newImage, oldImage, viewType);
  }

  private static boolean isDynamoStream(TemplateValue source, JsonNode template) {
    if (source.resourceType() != null) {
      return source.resourceType().equals("AWS::DynamoDB::Table");
    }
    if (source.literal() != null) {
      // A stream's ARN, or the name of a table, which the local runner reads the stream of.
      return !source.literal().startsWith("arn:") || source.literal().contains(":dynamodb:");
    }
    // A parameter: its AllowedPattern says what kind of ARN it takes.
    return template.path("Parameters").path(source.parameter()).path("AllowedPattern").asText()
        .contains(":dynamodb:");
  }
}
