package dev.laconic.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.laconic.local.app.FunctionDefinition;
import dev.laconic.local.app.MappingDefinition;
import dev.laconic.local.app.TemplateValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The DynamoDB stream a function's mapping reads, as the template describes it: the stream's ARN,
 * the table's key attributes and the stream's view type. Events made from it look as the mapping
 * would deliver them: keyed by the table's key schema, with the images its view type carries.
 * When the mapping reads a table of the template, the table says the keys and view type;
 * otherwise (a stream ARN or a parameter) the first attribute of an image is the key and both
 * images are sent, as {@code NEW_AND_OLD_IMAGES}.
 *
 * @param streamArn the ARN written in the template, or the ARN of the table's stream in the
 *     example account
 * @param table the logical id of the template's table, if the mapping reads one
 * @param keyNames the table's key attributes, partition key first; empty when not known
 * @param viewType what each record carries: NEW_AND_OLD_IMAGES, NEW_IMAGE, OLD_IMAGE, KEYS_ONLY
 */
public record DynamoStreamSource(String streamArn, Optional<String> table, List<String> keyNames,
    String viewType) {

  public DynamoStreamSource {
    keyNames = List.copyOf(keyNames);
  }

  /**
   * The stream of {@code function}'s first DynamoDB stream mapping.
   *
   * @param template the application's template, as {@link dev.laconic.local.app.Application}
   *     read it
   * @param region the region of a stream ARN this makes
   * @throws IllegalArgumentException when the function has no DynamoDB stream mapping, or its
   *     table has no stream
   */
  public static DynamoStreamSource of(JsonNode template, FunctionDefinition function,
      String region) {
    MappingDefinition mapping = function.mappings().stream()
        .filter(m -> isDynamoStream(m.eventSourceArn(), template))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(function.displayName() + " has no"
            + " DynamoDB stream mapping, so an item change is not its event."));
    TemplateValue source = mapping.eventSourceArn();
    JsonNode table = source.resource() == null ? null
        : template.path("Resources").path(source.resource()).path("Properties");
    // A stream ARN as written; else the ARN of the table's stream, named as the runner names it.
    String streamArn = source.literal() != null && source.literal().startsWith("arn:")
        ? source.literal()
        : EventGenerator.dynamodbStreamArn(region, source.literal() != null ? source.literal()
            : source.parameter());
    if (table == null) {
      return new DynamoStreamSource(streamArn, Optional.empty(), List.of(),
          "NEW_AND_OLD_IMAGES");
    }
    JsonNode viewType = table.path("StreamSpecification").path("StreamViewType");
    if (!viewType.isTextual()) {
      throw new IllegalArgumentException("Table " + source.resource() + " has no stream"
          + " (StreamSpecification), so it sends no changes.");
    }
    List<String> keyNames = new ArrayList<>();
    for (JsonNode key : table.path("KeySchema")) {
      // The partition (HASH) key first, as DynamoDB lists a record's Keys.
      keyNames.add(key.path("KeyType").asText().equals("HASH") ? 0 : keyNames.size(),
          key.path("AttributeName").asText());
    }
    return new DynamoStreamSource(streamArn, Optional.of(source.resource()), keyNames,
        viewType.asText());
  }

  /**
   * The change from {@code oldImage} to {@code newImage} (DynamoDB JSON): an INSERT without the
   * old image, a REMOVE without the new one.
   *
   * @throws IllegalArgumentException when an image lacks a key attribute of the table, or is not
   *     DynamoDB JSON
   */
  public EventGenerator.ItemChange change(Optional<JsonNode> newImage,
      Optional<JsonNode> oldImage) {
    if (keyNames.isEmpty() || (newImage.isEmpty() && oldImage.isEmpty())) {
      return new EventGenerator.ItemChange(Optional.empty(), newImage, oldImage);
    }
    JsonNode image = newImage.orElseGet(oldImage::get);
    ObjectNode keys = JsonNodeFactory.instance.objectNode();
    for (String name : keyNames) {
      if (!image.has(name)) {
        throw new IllegalArgumentException("The item has no " + name + ", a key attribute of"
            + " table " + table.orElse("") + ".");
      }
      keys.set(name, image.get(name));
    }
    return new EventGenerator.ItemChange(Optional.of(keys), newImage, oldImage);
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
