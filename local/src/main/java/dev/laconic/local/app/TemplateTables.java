package dev.laconic.local.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;

/**
 * The DynamoDB tables a template declares, created in a local DynamoDB as CloudFormation would
 * create them: each {@code AWS::DynamoDB::Table} with its name ({@code TableName}, else its
 * logical id, the name the runner gives its stream), key schema, attribute definitions, global
 * and local secondary indexes (name, key schema, projection) and stream view type, on demand, so
 * an index's capacity is left out. TTL and the rest are left out too: the runner reads streams,
 * and functions query tables and indexes.
 */
public final class TemplateTables {

  private TemplateTables() {}

  /**
   * Creates the tables of {@code template} through {@code dynamo}.
   *
   * @return one line per table, saying its name, keys, indexes and stream, or why it was left
   *     out (a {@code TableName} that is not written out, which a local run cannot resolve)
   * @throws IllegalArgumentException for a table whose keys or indexes are not written out, or
   *     that DynamoDB refuses (as it would fail the stack on AWS), with DynamoDB's message
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
      List<KeySchemaElement> keys = keySchema(logicalId, properties);
      if (keys.isEmpty()) {
        throw new IllegalArgumentException("Table " + logicalId + " has no KeySchema.");
      }
      List<GlobalSecondaryIndex> globalIndexes = new ArrayList<>();
      for (JsonNode index : properties.path("GlobalSecondaryIndexes")) {
        // Tables are on demand, so an index's ProvisionedThroughput is left out with the table's.
        globalIndexes.add(GlobalSecondaryIndex.builder()
            .indexName(text(logicalId, index, "IndexName"))
            .keySchema(keySchema(logicalId, index)).projection(projection(logicalId, index))
            .build());
      }
      List<LocalSecondaryIndex> localIndexes = new ArrayList<>();
      for (JsonNode index : properties.path("LocalSecondaryIndexes")) {
        localIndexes.add(LocalSecondaryIndex.builder()
            .indexName(text(logicalId, index, "IndexName"))
            .keySchema(keySchema(logicalId, index)).projection(projection(logicalId, index))
            .build());
      }
      List<String> indexNames = Stream.concat(
          globalIndexes.stream().map(GlobalSecondaryIndex::indexName),
          localIndexes.stream().map(LocalSecondaryIndex::indexName)).toList();
      // All of them, as CloudFormation passes them: DynamoDB refuses one no key uses, here as on
      // AWS.
      List<AttributeDefinition> attributes = new ArrayList<>();
      for (JsonNode attribute : properties.path("AttributeDefinitions")) {
        attributes.add(AttributeDefinition.builder()
            .attributeName(text(logicalId, attribute, "AttributeName"))
            .attributeType(text(logicalId, attribute, "AttributeType")).build());
      }
      request.keySchema(keys).attributeDefinitions(attributes);
      if (!globalIndexes.isEmpty()) {
        request.globalSecondaryIndexes(globalIndexes);
      }
      if (!localIndexes.isEmpty()) {
        request.localSecondaryIndexes(localIndexes);
      }
      JsonNode viewType = properties.path("StreamSpecification").path("StreamViewType");
      if (viewType.isTextual()) {
        request.streamSpecification(s -> s.streamEnabled(true).streamViewType(viewType.asText()));
      }
      try {
        dynamo.createTable(request.build());
      } catch (DynamoDbException e) {
        throw new IllegalArgumentException("Table " + logicalId + ": "
            + (e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage()),
            e);
      }
      created.add("Created table " + name + " (" + String.join(", ", keys.stream()
          .map(k -> k.attributeName() + " " + k.keyTypeAsString()).toList())
          + (indexNames.isEmpty() ? "" : "; indexes " + String.join(", ", indexNames)) + ")"
          + (viewType.isTextual() ? " with a " + viewType.asText() + " stream" : ", no stream")
          + ".");
    }
    return created;
  }

  private static List<KeySchemaElement> keySchema(String logicalId, JsonNode node) {
    List<KeySchemaElement> keys = new ArrayList<>();
    for (JsonNode key : node.path("KeySchema")) {
      keys.add(KeySchemaElement.builder().attributeName(text(logicalId, key, "AttributeName"))
          .keyType(text(logicalId, key, "KeyType")).build());
    }
    return keys;
  }

  /** An index's Projection; an absent ProjectionType is DynamoDB's to refuse, as on AWS. */
  private static Projection projection(String logicalId, JsonNode index) {
    JsonNode projection = index.path("Projection");
    Projection.Builder builder = Projection.builder();
    if (!projection.path("ProjectionType").isMissingNode()) {
      builder.projectionType(text(logicalId, projection, "ProjectionType"));
    }
    if (!projection.path("NonKeyAttributes").isMissingNode()) {
      List<String> nonKeyAttributes = new ArrayList<>();
      for (JsonNode attribute : projection.path("NonKeyAttributes")) {
        if (!attribute.isTextual()) {
          throw new IllegalArgumentException("Table " + logicalId + ": NonKeyAttributes "
              + attribute + " is not written out.");
        }
        nonKeyAttributes.add(attribute.asText());
      }
      builder.nonKeyAttributes(nonKeyAttributes);
    }
    return builder.build();
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
