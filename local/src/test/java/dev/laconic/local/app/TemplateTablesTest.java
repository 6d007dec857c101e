package dev.laconic.local.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.laconic.local.engine.LocalDynamoDb;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** A template's tables, created in the in-process DynamoDB as CloudFormation would create them. */
class TemplateTablesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyTableWithItsNameKeysAndStream() throws Exception {
    JsonNode template = JSON.readTree("""
        {"Resources": {
          "OrdersTable": {"Type": "AWS::DynamoDB::Table", "Properties": {
            "TableName": "orders",
            "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"},
              {"AttributeName": "sk", "AttributeType": "N"},
              {"AttributeName": "byStatus", "AttributeType": "S"}],
            "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"},
              {"AttributeName": "sk", "KeyType": "RANGE"}],
            "GlobalSecondaryIndexes": [{"IndexName": "by-status",
              "KeySchema": [{"AttributeName": "byStatus", "KeyType": "HASH"}],
              "Projection": {"ProjectionType": "KEYS_ONLY"}}],
            "StreamSpecification": {"StreamViewType": "NEW_IMAGE"}}},
          "Queue": {"Type": "AWS::SQS::Queue"},
          "Audit": {"Type": "AWS::DynamoDB::Table", "Properties": {
            "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
            "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}]}}}}
        """);
    try (LocalDynamoDb engine = LocalDynamoDb.start(); DynamoDbClient dynamo = engine.client()) {
      assertEquals(List.of(
          "Created table orders (pk HASH, sk RANGE; indexes by-status) with a NEW_IMAGE stream.",
          "Created table Audit (id HASH), no stream."), TemplateTables.create(template, dynamo));

      TableDescription orders = dynamo.describeTable(r -> r.tableName("orders")).table();
      assertEquals(List.of("pk", "sk"), orders.keySchema().stream()
          .map(k -> k.attributeName()).toList());
      assertEquals("NEW_IMAGE", orders.streamSpecification().streamViewTypeAsString());
      TableDescription audit = dynamo.describeTable(r -> r.tableName("Audit")).table();
      assertNull(audit.latestStreamArn());
      assertFalse(dynamo.listTables().tableNames().contains("Queue"));
    }
  }

  @Test
  void indexesAsTheTemplateDeclaresThemOnDemand() throws Exception {
    JsonNode template = JSON.readTree("""
        {"Resources": {"OrdersTable": {"Type": "AWS::DynamoDB::Table", "Properties": {
          "TableName": "orders",
          "BillingMode": "PROVISIONED",
          "ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5},
          "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"},
            {"AttributeName": "sk", "AttributeType": "S"},
            {"AttributeName": "status", "AttributeType": "S"},
            {"AttributeName": "placed", "AttributeType": "N"}],
          "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"},
            {"AttributeName": "sk", "KeyType": "RANGE"}],
          "GlobalSecondaryIndexes": [{"IndexName": "by-status",
            "KeySchema": [{"AttributeName": "status", "KeyType": "HASH"},
              {"AttributeName": "placed", "KeyType": "RANGE"}],
            "Projection": {"ProjectionType": "INCLUDE", "NonKeyAttributes": ["total"]},
            "ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5}}],
          "LocalSecondaryIndexes": [{"IndexName": "by-placed",
            "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"},
              {"AttributeName": "placed", "KeyType": "RANGE"}],
            "Projection": {"ProjectionType": "KEYS_ONLY"}}]}}}}
        """);
    try (LocalDynamoDb engine = LocalDynamoDb.start(); DynamoDbClient dynamo = engine.client()) {
      assertEquals(List.of("Created table orders (pk HASH, sk RANGE; indexes by-status, by-placed),"
          + " no stream."), TemplateTables.create(template, dynamo));

      TableDescription orders = dynamo.describeTable(r -> r.tableName("orders")).table();
      GlobalSecondaryIndexDescription byStatus = orders.globalSecondaryIndexes().get(0);
      assertEquals("by-status", byStatus.indexName());
      assertEquals(List.of("status", "placed"), byStatus.keySchema().stream()
          .map(k -> k.attributeName()).toList());
      assertEquals(List.of("total"), byStatus.projection().nonKeyAttributes());
      assertEquals(0L, byStatus.provisionedThroughput().readCapacityUnits());
      assertEquals("by-placed", orders.localSecondaryIndexes().get(0).indexName());
      assertEquals("KEYS_ONLY", orders.localSecondaryIndexes().get(0).projection()
          .projectionTypeAsString());
    }
  }

  @Test
  void aTableDynamoDbRefusesFailsWithItsMessage() throws Exception {
    JsonNode template = JSON.readTree("""
        {"Resources": {"OrdersTable": {"Type": "AWS::DynamoDB::Table", "Properties": {
          "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"},
            {"AttributeName": "status", "AttributeType": "S"}],
          "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
          "LocalSecondaryIndexes": [{"IndexName": "by-status",
            "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"},
              {"AttributeName": "status", "KeyType": "RANGE"}],
            "Projection": {"ProjectionType": "ALL"}}]}}}}
        """);
    try (LocalDynamoDb engine = LocalDynamoDb.start(); DynamoDbClient dynamo = engine.client()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> TemplateTables.create(template, dynamo));
      assertEquals("Table OrdersTable: One or more parameter values were invalid: Table KeySchema does"
          + " not have a range key, which is required when specifying a LocalSecondaryIndex",
          e.getMessage());
    }
  }

  @Test
  void aTableWhoseNameALocalRunCannotResolveIsLeftOutAndSaidSo() throws Exception {
    JsonNode template = JSON.readTree("""
        {"Resources": {"OrdersTable": {"Type": "AWS::DynamoDB::Table", "Properties": {
          "TableName": {"Fn::Sub": "orders-${Stage}"},
          "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
          "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}]}}}}
        """);
    try (LocalDynamoDb engine = LocalDynamoDb.start(); DynamoDbClient dynamo = engine.client()) {
      assertEquals(List.of("Left out table OrdersTable: its TableName"
          + " {\"Fn::Sub\":\"orders-${Stage}\"} is not written out, so a local run cannot tell"
          + " the name. Write it out, or leave it out to use the logical id."),
          TemplateTables.create(template, dynamo));
      assertEquals(List.of(), dynamo.listTables().tableNames());
    }
  }
}
