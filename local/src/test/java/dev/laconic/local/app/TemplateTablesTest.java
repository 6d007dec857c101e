package dev.laconic.local.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.laconic.local.engine.LocalDynamoDb;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
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
            "StreamSpecification": {"StreamViewType": "NEW_IMAGE"}}},
          "Queue": {"Type": "AWS::SQS::Queue"},
          "Audit": {"Type": "AWS::DynamoDB::Table", "Properties": {
            "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
            "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}]}}}}
        """);
    try (LocalDynamoDb engine = LocalDynamoDb.start(); DynamoDbClient dynamo = engine.client()) {
      assertEquals(List.of(
          "Created table orders (pk HASH, sk RANGE) with a NEW_IMAGE stream.",
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
