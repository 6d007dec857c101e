package dev.laconic.local.engine;

import static dev.laconic.local.engine.TestSupport.createTable;
import static dev.laconic.local.engine.TestSupport.s;
import static dev.laconic.local.engine.TestSupport.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** Table operations and the protocol-level behaviour the SDK depends on. */
class TableLifecycleTest {
  private static LocalDynamoDb engine;
  private static DynamoDbClient dynamo;

  @BeforeAll
  static void start() {
    engine = LocalDynamoDb.start();
    dynamo = TestSupport.dynamo(engine);
  }

  @AfterAll
  static void stop() {
    dynamo.close();
    engine.close();
  }

  @Test
  void endpointAndDefaults() {
    assertEquals("http", engine.endpoint().getScheme());
    assertEquals("127.0.0.1", engine.endpoint().getHost());
    assertTrue(engine.endpoint().getPort() > 0);
    assertEquals("us-east-1", engine.region());
    assertEquals("000000000000", engine.accountId());
  }

  @Test
  void createDescribeAndWaitForTable() {
    String name = uniqueName("lifecycle");
    TableDescription created = dynamo.createTable(b -> b.tableName(name)
        .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
        .attributeDefinitions(definition("pk", ScalarAttributeType.S), definition("sk", ScalarAttributeType.N))
        .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(7L))).tableDescription();
    assertEquals(TableStatus.ACTIVE, created.tableStatus());
    assertEquals("arn:aws:dynamodb:us-east-1:000000000000:table/" + name, created.tableArn());
    assertNull(created.latestStreamArn());

    TableDescription described = dynamo.waiter().waitUntilTableExists(b -> b.tableName(name))
        .matched().response().orElseThrow().table();
    assertEquals(name, described.tableName());
    assertEquals(TableStatus.ACTIVE, described.tableStatus());
    assertEquals(List.of(key("pk", KeyType.HASH), key("sk", KeyType.RANGE)), described.keySchema());
    assertEquals(List.of(definition("pk", ScalarAttributeType.S), definition("sk", ScalarAttributeType.N)),
        described.attributeDefinitions());
    assertEquals(5L, described.provisionedThroughput().readCapacityUnits());
    assertEquals(7L, described.provisionedThroughput().writeCapacityUnits());
    assertEquals(BillingMode.PROVISIONED, described.billingModeSummary().billingMode());
    assertEquals(0L, described.itemCount());
    assertTrue(described.creationDateTime().getEpochSecond() > 0);

    dynamo.putItem(b -> b.tableName(name).item(Map.of("pk", s("a"), "sk", TestSupport.n("1"), "x", s("y"))));
    assertEquals(1L, dynamo.describeTable(b -> b.tableName(name)).table().itemCount());
  }

  @Test
  void createWithStreamReportsLatestStream() {
    String name = uniqueName("streamed");
    String arn = createTable(dynamo, name, false, StreamViewType.NEW_AND_OLD_IMAGES);
    TableDescription described = dynamo.describeTable(b -> b.tableName(name)).table();
    assertEquals(arn, described.latestStreamArn());
    assertTrue(arn.startsWith("arn:aws:dynamodb:us-east-1:000000000000:table/" + name + "/stream/"), arn);
    assertTrue(described.latestStreamLabel().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}"),
        described.latestStreamLabel());
    assertTrue(arn.endsWith("/stream/" + described.latestStreamLabel()));
    assertTrue(described.streamSpecification().streamEnabled());
    assertEquals(StreamViewType.NEW_AND_OLD_IMAGES, described.streamSpecification().streamViewType());
  }

  @Test
  void duplicateTableIsResourceInUse() {
    String name = uniqueName("dup");
    createTable(dynamo, name, false, null);
    ResourceInUseException e = assertThrows(ResourceInUseException.class, () -> createTable(dynamo, name, false, null));
    assertEquals(400, e.statusCode());
    assertEquals("ResourceInUseException", e.awsErrorDetails().errorCode());
  }

  @Test
  void missingTableIsResourceNotFound() {
    String name = uniqueName("missing");
    ResourceNotFoundException e =
        assertThrows(ResourceNotFoundException.class, () -> dynamo.describeTable(b -> b.tableName(name)));
    assertEquals(400, e.statusCode());
    assertThrows(ResourceNotFoundException.class, () -> dynamo.deleteTable(b -> b.tableName(name)));
    assertThrows(ResourceNotFoundException.class,
        () -> dynamo.putItem(b -> b.tableName(name).item(Map.of("pk", s("a")))));
    assertThrows(ResourceNotFoundException.class,
        () -> dynamo.getItem(b -> b.tableName(name).key(Map.of("pk", s("a")))));
    assertThrows(ResourceNotFoundException.class, () -> dynamo.scan(b -> b.tableName(name)));
  }

  @Test
  void invalidDefinitionsAreValidationErrors() {
    String name = uniqueName("invalid");
    assertValidation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type",
        () -> dynamo.createTable(b -> b.tableName(name).keySchema(key("pk", KeyType.RANGE))
            .attributeDefinitions(definition("pk", ScalarAttributeType.S))
            .billingMode(BillingMode.PAY_PER_REQUEST)));
    assertValidation("Some index key attributes are not defined in AttributeDefinitions",
        () -> dynamo.createTable(b -> b.tableName(name).keySchema(key("pk", KeyType.HASH))
            .attributeDefinitions(definition("other", ScalarAttributeType.S))
            .billingMode(BillingMode.PAY_PER_REQUEST)));
    assertValidation("Number of attributes in KeySchema does not exactly match",
        () -> dynamo.createTable(b -> b.tableName(name).keySchema(key("pk", KeyType.HASH))
            .attributeDefinitions(definition("pk", ScalarAttributeType.S),
                definition("unused", ScalarAttributeType.S))
            .billingMode(BillingMode.PAY_PER_REQUEST)));
    assertValidation("ReadCapacityUnits and WriteCapacityUnits must both be specified",
        () -> dynamo.createTable(b -> b.tableName(name).keySchema(key("pk", KeyType.HASH))
            .attributeDefinitions(definition("pk", ScalarAttributeType.S))));
    assertValidation("Member must have length greater than or equal to 3",
        () -> createTable(dynamo, "ab", false, null));
    assertValidation("Member must satisfy regular expression pattern",
        () -> createTable(dynamo, "bad name!", false, null));
    assertValidation("StreamViewType is required",
        () -> dynamo.createTable(b -> b.tableName(name).keySchema(key("pk", KeyType.HASH))
            .attributeDefinitions(definition("pk", ScalarAttributeType.S))
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .streamSpecification(s -> s.streamEnabled(true))));
    assertThrows(ResourceNotFoundException.class, () -> dynamo.describeTable(b -> b.tableName(name)));
  }

  @Test
  void secondaryIndexesAreAcceptedAndCountForDefinitions() {
    String name = uniqueName("indexed");
    dynamo.createTable(b -> b.tableName(name)
        .keySchema(key("pk", KeyType.HASH))
        .attributeDefinitions(definition("pk", ScalarAttributeType.S), definition("gsi", ScalarAttributeType.N))
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .globalSecondaryIndexes(g -> g.indexName("by-gsi").keySchema(key("gsi", KeyType.HASH))
            .projection(p -> p.projectionType("ALL"))));
    assertEquals(TableStatus.ACTIVE, dynamo.describeTable(b -> b.tableName(name)).table().tableStatus());
  }

  @Test
  void listTablesPagesInNameOrder() {
    String prefix = uniqueName("list");
    List<String> names = List.of(prefix + "-a", prefix + "-b", prefix + "-c");
    names.forEach(name -> createTable(dynamo, name, false, null));
    ListTablesResponse first = dynamo.listTables(b -> b.exclusiveStartTableName(prefix).limit(2));
    assertEquals(names.subList(0, 2), first.tableNames());
    assertEquals(prefix + "-b", first.lastEvaluatedTableName());
    ListTablesResponse second =
        dynamo.listTables(b -> b.exclusiveStartTableName(first.lastEvaluatedTableName()).limit(2));
    assertEquals(prefix + "-c", second.tableNames().get(0));

    List<String> all = new ArrayList<>();
    dynamo.listTablesPaginator(b -> b.limit(1)).tableNames().forEach(all::add);
    assertTrue(all.containsAll(names), all.toString());
    assertEquals(all.stream().sorted().toList(), all);
  }

  @Test
  void deleteTableRemovesIt() {
    String name = uniqueName("deleted");
    createTable(dynamo, name, false, null);
    dynamo.putItem(b -> b.tableName(name).item(Map.of("pk", s("a"))));
    assertEquals(TableStatus.DELETING, dynamo.deleteTable(b -> b.tableName(name)).tableDescription().tableStatus());
    assertThrows(ResourceNotFoundException.class, () -> dynamo.describeTable(b -> b.tableName(name)));
    assertFalse(dynamo.listTables().tableNames().contains(name));
    createTable(dynamo, name, false, null);
    assertFalse(dynamo.getItem(b -> b.tableName(name).key(Map.of("pk", s("a")))).hasItem());
  }

  @Test
  void updateTableChangesBillingAndStreams() {
    String name = uniqueName("updated");
    createTable(dynamo, name, false, null);
    TableDescription provisioned = dynamo.updateTable(b -> b.tableName(name).billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(p -> p.readCapacityUnits(3L).writeCapacityUnits(4L))).tableDescription();
    assertEquals(BillingMode.PROVISIONED, provisioned.billingModeSummary().billingMode());
    assertEquals(4L, provisioned.provisionedThroughput().writeCapacityUnits());

    String first = dynamo.updateTable(b -> b.tableName(name)
        .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)))
        .tableDescription().latestStreamArn();
    assertValidation("Table already has an enabled stream", () -> dynamo.updateTable(b -> b.tableName(name)
        .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY))));
    TableDescription disabled = dynamo.updateTable(b -> b.tableName(name)
        .streamSpecification(s -> s.streamEnabled(false))).tableDescription();
    assertEquals(first, disabled.latestStreamArn());
    assertNull(disabled.streamSpecification());
    assertValidation("has no stream to disable",
        () -> dynamo.updateTable(b -> b.tableName(name).streamSpecification(s -> s.streamEnabled(false))));
    String second = dynamo.updateTable(b -> b.tableName(name)
        .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)))
        .tableDescription().latestStreamArn();
    assertNotEquals(first, second);
    assertEquals(second, dynamo.describeTable(b -> b.tableName(name)).table().latestStreamArn());
    assertValidation("At least one of", () -> dynamo.updateTable(b -> b.tableName(name)));
  }

  @Test
  void unsupportedOperationIsA400WithItsCode() {
    // DescribeLimits is not implemented.
    DynamoDbException e = assertThrows(DynamoDbException.class, () -> dynamo.describeLimits());
    assertEquals(400, e.statusCode());
    assertEquals("UnknownOperationException", e.awsErrorDetails().errorCode());
  }

  @Test
  void closeStopsTheServer() {
    LocalDynamoDb other = LocalDynamoDb.start();
    URI endpoint = other.endpoint();
    try (DynamoDbClient client = TestSupport.dynamo(other)) {
      assertEquals(List.of(), client.listTables().tableNames());
      other.close();
      other.close();
      assertThrows(SdkClientException.class, client::listTables);
    }
    assertEquals(endpoint, other.endpoint());
  }

  @Test
  void settingsAreValidated() {
    LocalDynamoDb.Settings defaults = LocalDynamoDb.Settings.defaults();
    assertEquals("us-east-1", defaults.region());
    assertEquals("000000000000", defaults.accountId());
    assertEquals(0, defaults.recordsPerShard());
    assertEquals(5, defaults.withRecordsPerShard(5).recordsPerShard());
    assertEquals("eu-west-1", defaults.withRegion("eu-west-1").region());
    assertEquals("123456789012", defaults.withAccountId("123456789012").accountId());
    assertThrows(IllegalArgumentException.class, () -> defaults.withRecordsPerShard(-1));
    assertThrows(IllegalArgumentException.class, () -> defaults.withAccountId("12"));
    assertThrows(IllegalArgumentException.class, () -> defaults.withRegion(" "));
    assertThrows(NullPointerException.class, () -> defaults.withClock(null));
  }

  static void assertValidation(String expectedMessagePart, Executable call) {
    DynamoDbException e = assertThrows(DynamoDbException.class, call);
    assertEquals(400, e.statusCode());
    assertEquals("ValidationException", e.awsErrorDetails().errorCode());
    assertTrue(e.awsErrorDetails().errorMessage().contains(expectedMessagePart), e.awsErrorDetails().errorMessage());
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  private static AttributeDefinition definition(String name, ScalarAttributeType type) {
    return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
  }
}
