package dev.laconic.local.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

/**
 * The DynamoDB tables a template declares, created in a local DynamoDB as CloudFormation would
 * create them: each {@code AWS::DynamoDB::Table} with its name ({@code TableName}, else its
 * logical id, the name the runner gives its stream), key schema, attribute definitions and stream
 * view type, on demand. Indexes, TTL and the rest are left out: the runner reads streams.
 */
public final class TemplateTables {

  private TemplateTables() {}

  /**
   * Creates the tables of {@code template} through {@code dynamo}.
   *
   * @return one line per table, saying its name, keys and stream, or why it was left out (a
   *     {@code TableName} that is not written out, which a local run cannot resolve)
   * @throws IllegalArgumentException for a table whose keys are not written out
   */
  public static List<String> create(JsonNode template, DynamoDbClient dynamo) {
    List<String> created = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = template.path("Resources").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> resource = it.next();
      if (!resource.getValue().path("Type").asText().equals("AWS::DynamoDB::Table")) {
        continue;
      }
      String logicalId = resource.getKey();
      JsonNode properties = resource.getValue().path("Properties");
      JsonNode tableName = properties.path("TableName");
      if (!tableName.isMissingNode() && !tableName.isTextual()) {
        // Other tables may be all the functions read: this one is left out, and said so.
        created.add("Left out table " + logicalId + ": its TableName " + tableName + " is not"
            + " written out, so a local run cannot tell the name. Write it out, or leave it out"
            + " to use the logical id.");
        continue;
      }
      String name = tableName.isTextual() ? tableName.asText() : logicalId;
      CreateTableRequest.Builder request = CreateTableRequest.builder().tableName(name)
          .billingMode("PAY_PER_REQUEST");
      List<KeySchemaElement> keys = new ArrayList<>();
      for (JsonNode key : properties.path("KeySchema")) {
        keys.add(KeySchemaElement.builder().attributeName(text(logicalId, key, "AttributeName"))
            .keyType(text(logicalId, key, "KeyType")).build());
      }
      List<AttributeDefinition> attributes = new ArrayList<>();
      for (JsonNode attribute : properties.path("AttributeDefinitions")) {
        String attributeName = text(logicalId, attribute, "AttributeName");
        // Only the keys': indexes are left out, and DynamoDB refuses a definition nothing uses.
        if (keys.stream().anyMatch(k -> k.attributeName().equals(attributeName))) {
          attributes.add(AttributeDefinition.builder().attributeName(attributeName)
              .attributeType(text(logicalId, attribute, "AttributeType")).build());
        }
      }
      if (keys.isEmpty()) {
        throw new IllegalArgumentException("Table " + logicalId + " has no KeySchema.");
      }
      request.keySchema(keys).attributeDefinitions(attributes);
      JsonNode viewType = properties.path("StreamSpecification").path("StreamViewType");
      if (viewType.isTextual()) {
        request.streamSpecification(s -> s.streamEnabled(true).streamViewType(viewType.asText()));
      }
      dynamo.createTable(request.build());
      created.add("Created table " + name + " (" + String.join(", ", keys.stream()
          .map(k -> k.attributeName() + " " + k.keyTypeAsString()).toList()) + ")"
          + (viewType.isTextual() ? " with a " + viewType.asText() + " stream" : ", no stream")
          + ".");
    }
    return created;
  }

  private static String text(String logicalId, JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isTextual()) {
      throw new IllegalArgumentException("Table " + logicalId + ": " + field + " " + value
          + " is not written out.");
    }
    return value.asText();
  }
}
