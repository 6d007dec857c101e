package dev.laconic.local.engine;

import static dev.laconic.local.engine.TableLifecycleTest.assertValidation;
import static dev.laconic.local.engine.TestSupport.n;
import static dev.laconic.local.engine.TestSupport.s;
import static dev.laconic.local.engine.TestSupport.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Secondary indexes: declared with the table (or added to it), kept current by every write,
 * read with Query and Scan as DynamoDB reads them.
 *
 * <p>Most tests use one table of orders keyed by customer ({@code pk}) and order id ({@code sk}),
 * with a global index by stage and placing time that also projects {@code amount}, a keys-only
 * global index by customer name, and a keys-only local index by placing time.
 */
class IndexReadsTest extends EngineTest {

  @Test
  void describeTableListsTheIndexesWithTheirCounts() {
    String table = ordersTable();
    TableDescription description = dynamo.describeTable(b -> b.tableName(table)).table();

    assertEquals(List.of("by-stage", "by-customer"), description.globalSecondaryIndexes().stream()
        .map(GlobalSecondaryIndexDescription::indexName).toList());
    GlobalSecondaryIndexDescription byStage = description.globalSecondaryIndexes().get(0);
    assertEquals(List.of(key("stage", KeyType.HASH), key("placed", KeyType.RANGE)), byStage.keySchema());
    assertEquals(ProjectionType.INCLUDE, byStage.projection().projectionType());
    assertEquals(List.of("amount"), byStage.projection().nonKeyAttributes());
    assertEquals(IndexStatus.ACTIVE, byStage.indexStatus());
    assertEquals(description.tableArn() + "/index/by-stage", byStage.indexArn());
    assertEquals(0L, byStage.provisionedThroughput().readCapacityUnits());
    // Sparse: o5 has no stage.
    assertEquals(5L, byStage.itemCount());
    assertTrue(byStage.indexSizeBytes() > 0 && byStage.indexSizeBytes() < description.tableSizeBytes(),
        byStage.indexSizeBytes() + " of " + description.tableSizeBytes());

    LocalSecondaryIndexDescription byPlaced = description.localSecondaryIndexes().get(0);
    assertEquals("by-placed", byPlaced.indexName());
    assertEquals(List.of(key("pk", KeyType.HASH), key("placed", KeyType.RANGE)), byPlaced.keySchema());
    assertEquals(ProjectionType.KEYS_ONLY, byPlaced.projection().projectionType());
    assertEquals(6L, byPlaced.itemCount());
    assertEquals(description.tableArn() + "/index/by-placed", byPlaced.indexArn());
    assertEquals(List.of("pk", "sk", "stage", "placed", "customer"), description.attributeDefinitions().stream()
        .map(AttributeDefinition::attributeName).toList());
  }

  @Test
  void aProvisionedTableGivesItsGlobalIndexesCapacityOfTheirOwn() {
    String table = uniqueName("provisioned");
    GlobalSecondaryIndexDescription index = dynamo.createTable(b -> b.tableName(table)
        .keySchema(key("pk", KeyType.HASH)).attributeDefinitions(definition("pk"), definition("g"))
        .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L))
        .globalSecondaryIndexes(g -> g.indexName("by-g").keySchema(key("g", KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.ALL))
            .provisionedThroughput(p -> p.readCapacityUnits(3L).writeCapacityUnits(4L))))
        .tableDescription().globalSecondaryIndexes().get(0);
    assertEquals(3L, index.provisionedThroughput().readCapacityUnits());
    assertEquals(4L, index.provisionedThroughput().writeCapacityUnits());
  }

  @Test
  void createTableRefusesIndexesDynamoDbRefuses() {
    String table = uniqueName("refused");
    GlobalSecondaryIndex byG = GlobalSecondaryIndex.builder().indexName("by-g").keySchema(key("g", KeyType.HASH))
        .projection(p -> p.projectionType(ProjectionType.ALL)).build();
    LocalSecondaryIndex byL = LocalSecondaryIndex.builder().indexName("by-l")
        .keySchema(key("pk", KeyType.HASH), key("l", KeyType.RANGE))
        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build();

    assertValidation("One or more parameter values were invalid: Table KeySchema does not have a range key, which"
        + " is required when specifying a LocalSecondaryIndex", () -> create(table, false, b -> b
            .attributeDefinitions(definition("pk"), definition("l")).localSecondaryIndexes(byL)));
    assertValidation("One or more parameter values were invalid: Index KeySchema does not have a range key for"
        + " index: by-l", () -> create(table, true, b -> b.localSecondaryIndexes(byL.toBuilder()
            .keySchema(key("pk", KeyType.HASH)).build())));
    assertValidation("One or more parameter values were invalid: Index KeySchema does not have the same leading"
        + " hash key as table KeySchema for index: by-l. index hash key: l, table hash key: pk",
        () -> create(table, true, b -> b.attributeDefinitions(definition("pk"), definition("sk"), definition("l"))
            .localSecondaryIndexes(byL.toBuilder().keySchema(key("l", KeyType.HASH), key("sk", KeyType.RANGE))
                .build())));
    assertValidation("Value 'g' at 'globalSecondaryIndexes.1.member.indexName' failed to satisfy constraint:"
        + " Member must have length greater than or equal to 3", () -> create(table, false, b -> b
            .attributeDefinitions(definition("pk"), definition("g"))
            .globalSecondaryIndexes(byG.toBuilder().indexName("g").build())));
    assertValidation("at 'globalSecondaryIndexes.1.member.indexName' failed to satisfy constraint: Member must"
        + " satisfy regular expression pattern: [a-zA-Z0-9_.-]+", () -> create(table, false, b -> b
            .attributeDefinitions(definition("pk"), definition("g"))
            .globalSecondaryIndexes(byG.toBuilder().indexName("by g").build())));
    assertValidation("One or more parameter values were invalid: Some index key attributes are not defined in"
        + " AttributeDefinitions. Keys: [g], AttributeDefinitions: [pk]", () -> create(table, false, b -> b
            .globalSecondaryIndexes(byG)));
    assertValidation("One or more parameter values were invalid: Some AttributeDefinitions are not used."
        + " AttributeDefinitions: [pk, g, unused], keys used: [pk, g]", () -> create(table, false, b -> b
            .attributeDefinitions(definition("pk"), definition("g"), definition("unused"))
            .globalSecondaryIndexes(byG)));
    assertValidation("One or more parameter values were invalid: Duplicate index name: by-g", () -> create(table,
        false, b -> b.attributeDefinitions(definition("pk"), definition("g")).globalSecondaryIndexes(byG, byG)));
    assertValidation("One or more parameter values were invalid: ProjectionType is KEYS_ONLY, but"
        + " NonKeyAttributes is specified", () -> create(table, false, b -> b
            .attributeDefinitions(definition("pk"), definition("g")).globalSecondaryIndexes(byG.toBuilder()
                .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY).nonKeyAttributes("x")).build())));
    assertValidation("One or more parameter values were invalid: Unknown ProjectionType: null", () -> create(
        table, false, b -> b.attributeDefinitions(definition("pk"), definition("g"))
            .globalSecondaryIndexes(byG.toBuilder().projection(p -> { }).build())));
    assertValidation("One or more parameter values were invalid: ProvisionedThroughput should not be specified"
        + " for index: by-g when BillingMode is PAY_PER_REQUEST", () -> create(table, false, b -> b
            .attributeDefinitions(definition("pk"), definition("g")).globalSecondaryIndexes(byG.toBuilder()
                .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L)).build())));
    assertValidation("One or more parameter values were invalid: ProvisionedThroughput is not specified for"
        + " index: by-g", () -> create(table, false, b -> b.billingMode(BillingMode.PROVISIONED)
            .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L))
            .attributeDefinitions(definition("pk"), definition("g")).globalSecondaryIndexes(byG)));
    assertValidation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type", () -> create(table,
        false, b -> b.attributeDefinitions(definition("pk"), definition("g"))
            .globalSecondaryIndexes(byG.toBuilder().keySchema(key("g", KeyType.RANGE)).build())));
    assertValidation("One or more parameter values were invalid: Number of LocalSecondaryIndexes exceeds"
        + " per-table limit of 5", () -> create(table, true, b -> b.localSecondaryIndexes(IntStream.range(0, 6)
            .mapToObj(i -> byL.toBuilder().indexName("by-l" + i).build()).toList())));
    assertValidation("One or more parameter values were invalid: GlobalSecondaryIndex count exceeds the per-table"
        + " limit of 20", () -> create(table, false, b -> b.attributeDefinitions(definition("pk"), definition("g"))
            .globalSecondaryIndexes(IntStream.range(0, 21)
                .mapToObj(i -> byG.toBuilder().indexName("by-g" + i).build()).toList())));
    assertThrows(ResourceNotFoundException.class, () -> dynamo.describeTable(b -> b.tableName(table)));
  }

  @Test
  void queryReadsAnIndexPartitionInIndexKeyOrder() {
    String table = ordersTable();
    // o2 and o6 share their index key; the table key orders them.
    assertEquals(List.of("o2", "o6", "o3", "o1"), ids(queryStage(table, "OPEN", b -> { })));
    assertEquals(List.of("o1", "o3", "o6", "o2"), ids(queryStage(table, "OPEN", b -> b.scanIndexForward(false))));
    assertEquals(List.of("o3", "o1"), ids(dynamo.query(b -> b.tableName(table).indexName("by-stage")
        .keyConditionExpression("stage = :s AND placed > :p")
        .expressionAttributeValues(Map.of(":s", s("OPEN"), ":p", n("10"))))));
    assertEquals(List.of("o4"), ids(queryStage(table, "SHIPPED", b -> { })));

    QueryResponse filtered = queryStage(table, "OPEN", b -> b.filterExpression("amount >= :a")
        .expressionAttributeValues(Map.of(":s", s("OPEN"), ":a", n("10"))));
    assertEquals(List.of("o2", "o3", "o1"), ids(filtered));
    assertEquals(4, filtered.scannedCount());

    // The local index: the table's partition, by placing time.
    assertEquals(List.of("o2", "o6", "o1"), ids(dynamo.query(b -> b.tableName(table).indexName("by-placed")
        .keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", s("c1"))))));
  }

  @Test
  void scanReadsOnlyTheItemsThatHaveTheIndexKey() {
    String table = ordersTable();
    ScanResponse byCustomer = dynamo.scan(b -> b.tableName(table).indexName("by-customer"));
    // A hash-only index in partition key order; o5 has no customer.
    assertEquals(List.of("o1", "o3", "o2", "o4", "o6"), ids(byCustomer));
    assertEquals(Map.of("pk", s("c1"), "sk", s("o1"), "customer", s("alice")), byCustomer.items().get(0));

    assertEquals(List.of("o2", "o6", "o3", "o1", "o4"), ids(dynamo.scan(b -> b.tableName(table)
        .indexName("by-stage"))));
    List<String> paged = new ArrayList<>();
    dynamo.scanPaginator(b -> b.tableName(table).indexName("by-customer").limit(2)).items()
        .forEach(item -> paged.add(item.get("sk").s()));
    assertEquals(List.of("o1", "o3", "o2", "o4", "o6"), paged);
  }

  @Test
  void anIndexReturnsWhatItProjects() {
    String table = ordersTable();
    assertEquals(Map.of("pk", s("c1"), "sk", s("o2"), "stage", s("OPEN"), "placed", n("10"), "amount", n("20")),
        queryStage(table, "OPEN", b -> { }).items().get(0));
    assertEquals(List.of(Map.of("amount", n("20")), Map.of("amount", n("5"))), queryStage(table, "OPEN", b -> b
        .projectionExpression("amount").limit(2)).items());
    assertEquals(4, queryStage(table, "OPEN", b -> b.select(Select.COUNT)).count());
    assertFalse(queryStage(table, "OPEN", b -> b.select(Select.COUNT)).hasItems());

    assertValidation("One or more parameter values were invalid: Global secondary index by-stage does not project"
        + " [note]", () -> queryStage(table, "OPEN", b -> b.projectionExpression("amount, note")));
    assertValidation("One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for"
        + " global secondary index by-stage because its projection type is not ALL",
        () -> queryStage(table, "OPEN", b -> b.select(Select.ALL_ATTRIBUTES)));
    assertValidation("Select type ALL_ATTRIBUTES is not supported for global secondary index by-customer",
        () -> dynamo.scan(b -> b.tableName(table).indexName("by-customer").select(Select.ALL_ATTRIBUTES)));
    assertValidation("Global secondary index by-customer does not project [amount]", () -> dynamo.scan(b -> b
        .tableName(table).indexName("by-customer").projectionExpression("amount")));
    // The filter of a global index sees only what it projects.
    assertEquals(0, dynamo.scan(b -> b.tableName(table).indexName("by-customer")
        .filterExpression("attribute_exists(note)")).count());

    // A local index fetches from the table what it does not project.
    Map<String, AttributeValue> keysOnly = Map.of("pk", s("c1"), "sk", s("o2"), "placed", n("10"));
    assertEquals(keysOnly, queryPlaced(table, b -> { }).items().get(0));
    assertEquals(dynamo.getItem(b -> b.tableName(table).key(Map.of("pk", s("c1"), "sk", s("o2")))).item(),
        queryPlaced(table, b -> b.select(Select.ALL_ATTRIBUTES)).items().get(0));
    assertEquals(Map.of("note", s("second")), queryPlaced(table, b -> b.projectionExpression("note")).items()
        .get(0));
    assertEquals(List.of("o1"), ids(queryPlaced(table, b -> b.filterExpression("note = :n")
        .expressionAttributeValues(Map.of(":p", s("c1"), ":n", s("first"))))));
  }

  @Test
  void pagesOfAnIndexCarryTheTableAndIndexKeys() {
    String table = ordersTable();
    QueryResponse first = queryStage(table, "OPEN", b -> b.limit(2));
    assertEquals(List.of("o2", "o6"), ids(first));
    assertEquals(Map.of("pk", s("c1"), "sk", s("o6"), "stage", s("OPEN"), "placed", n("10")),
        first.lastEvaluatedKey());
    assertEquals(List.of("o3", "o1"), ids(queryStage(table, "OPEN", b -> b
        .exclusiveStartKey(first.lastEvaluatedKey()))));
    // Paging through items that share an index key neither repeats nor skips one.
    List<String> paged = new ArrayList<>();
    dynamo.queryPaginator(stageQuery(table, "OPEN", b -> b.limit(1))).items()
        .forEach(item -> paged.add(item.get("sk").s()));
    assertEquals(List.of("o2", "o6", "o3", "o1"), paged);
    assertEquals(List.of("o6", "o2"), ids(queryStage(table, "OPEN", b -> b.scanIndexForward(false)
        .exclusiveStartKey(Map.of("pk", s("c2"), "sk", s("o3"), "stage", s("OPEN"), "placed", n("20"))))));

    ScanResponse scanned = dynamo.scan(b -> b.tableName(table).indexName("by-placed").limit(1));
    assertEquals(Map.of("pk", s("c1"), "sk", s("o2"), "placed", n("10")), scanned.lastEvaluatedKey());

    assertValidation("The provided starting key is invalid", () -> queryStage(table, "OPEN", b -> b
        .exclusiveStartKey(Map.of("pk", s("c1"), "sk", s("o6")))));
    assertValidation("The provided key element does not match the schema", () -> queryStage(table, "OPEN", b -> b
        .exclusiveStartKey(Map.of("pk", s("c1"), "sk", s("o6"), "stage", s("OPEN"), "placed", s("10")))));
    assertValidation("The provided starting key is outside query boundaries", () -> queryStage(table, "OPEN",
        b -> b.exclusiveStartKey(Map.of("pk", s("c2"), "sk", s("o4"), "stage", s("SHIPPED"), "placed", n("5")))));
  }

  @Test
  void aQueryOfAnIndexIsCheckedAgainstTheIndex() {
    String table = ordersTable();
    assertValidation("Consistent reads are not supported on global secondary indexes", () -> queryStage(table,
        "OPEN", b -> b.consistentRead(true)));
    assertValidation("Consistent reads are not supported on global secondary indexes", () -> dynamo.scan(b -> b
        .tableName(table).indexName("by-customer").consistentRead(true)));
    assertEquals(3, queryPlaced(table, b -> b.consistentRead(true)).count());

    assertValidation("Query condition missed key schema element: stage", () -> dynamo.query(b -> b.tableName(table)
        .indexName("by-stage").keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", s("c1")))));
    assertValidation("Query condition missed key schema element: placed", () -> dynamo.query(b -> b
        .tableName(table).indexName("by-placed").keyConditionExpression("pk = :p AND sk = :s")
        .expressionAttributeValues(Map.of(":p", s("c1"), ":s", s("o1")))));
    assertValidation("Condition parameter type does not match schema type", () -> dynamo.query(b -> b
        .tableName(table).indexName("by-stage").keyConditionExpression("stage = :s AND placed = :p")
        .expressionAttributeValues(Map.of(":s", s("OPEN"), ":p", s("10")))));
    assertValidation("Filter Expression can only contain non-primary key attributes: Primary key attribute:"
        + " placed", () -> queryStage(table, "OPEN", b -> b.filterExpression("placed > :p")
            .expressionAttributeValues(Map.of(":s", s("OPEN"), ":p", n("1")))));
    // The table's key is no key of the index, so the filter may use it.
    assertEquals(List.of("o3"), ids(queryStage(table, "OPEN", b -> b.filterExpression("pk = :c")
        .expressionAttributeValues(Map.of(":s", s("OPEN"), ":c", s("c2"))))));

    assertValidation("The table does not have the specified index: by-nothing", () -> dynamo.query(b -> b
        .tableName(table).indexName("by-nothing").keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("c1")))));
    assertValidation("Value 'by' at 'indexName' failed to satisfy constraint: Member must have length greater than"
        + " or equal to 3", () -> dynamo.scan(b -> b.tableName(table).indexName("by")));
    assertValidation("1 validation error detected: ALL_PROJECTED_ATTRIBUTES can be used only when Querying using"
        + " an IndexName", () -> dynamo.query(b -> b.tableName(table).keyConditionExpression("pk = :p")
            .expressionAttributeValues(Map.of(":p", s("c1"))).select(Select.ALL_PROJECTED_ATTRIBUTES)));
    assertValidation("Must specify the AttributesToGet or ProjectionExpression when choosing to get"
        + " SPECIFIC_ATTRIBUTES", () -> dynamo.scan(b -> b.tableName(table).select(Select.SPECIFIC_ATTRIBUTES)));
  }

  @Test
  void writesKeepTheIndexesCurrent() {
    String table = ordersTable();
    dynamo.updateItem(b -> b.tableName(table).key(Map.of("pk", s("c2"), "sk", s("o4")))
        .updateExpression("SET stage = :s").expressionAttributeValues(Map.of(":s", s("OPEN"))));
    dynamo.updateItem(b -> b.tableName(table).key(Map.of("pk", s("c1"), "sk", s("o2")))
        .updateExpression("REMOVE stage"));
    dynamo.deleteItem(b -> b.tableName(table).key(Map.of("pk", s("c1"), "sk", s("o1"))));
    dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("c3"), "sk", s("o5"), "stage", s("OPEN"),
        "placed", n("25"))));
    assertEquals(List.of("o4", "o6", "o3", "o5"), ids(queryStage(table, "OPEN", b -> { })));
    assertEquals(List.of(), ids(queryStage(table, "SHIPPED", b -> { })));
    // o2 left one index, not the others.
    assertEquals(List.of("o3", "o2", "o4", "o6"), ids(dynamo.scan(b -> b.tableName(table)
        .indexName("by-customer"))));
    assertEquals(4L, dynamo.describeTable(b -> b.tableName(table)).table().globalSecondaryIndexes().get(0)
        .itemCount());
  }

  @Test
  void indexKeyAttributesMustHaveTheirDeclaredTypeAndAValue() {
    String table = ordersTable();
    Map<String, AttributeValue> key = Map.of("pk", s("c9"), "sk", s("o9"));
    assertValidation("One or more parameter values were invalid: Type mismatch for Index Key stage Expected: S"
        + " Actual: N IndexName: by-stage", () -> dynamo.putItem(b -> b.tableName(table)
            .item(with(key, "stage", n("1")))));
    assertValidation("One or more parameter values are not valid. A value specified for a secondary index key is"
        + " not supported. The AttributeValue for a key attribute cannot contain an empty string value. IndexName:"
        + " by-customer, IndexKey: customer", () -> dynamo.putItem(b -> b.tableName(table)
            .item(with(key, "customer", s("")))));
    assertValidation("Type mismatch for Index Key stage Expected: S Actual: N IndexName: by-stage",
        () -> dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, List.of(
            WriteRequest.builder().putRequest(p -> p.item(with(key, "stage", n("1")))).build())))));
    assertValidation("Type mismatch for Index Key placed Expected: N Actual: S IndexName: by-stage",
        () -> dynamo.transactWriteItems(b -> b.transactItems(t -> t.put(p -> p.tableName(table)
            .item(with(key, "placed", s("soon")))))));

    assertValidation("One or more parameter values were invalid: Type mismatch for Index Key placed Expected: N"
        + " Actual: S IndexName: by-stage", () -> update(table, "SET placed = :v", Map.of(":v", s("soon"))));
    assertValidation("The update expression attempted to update the secondary index key to unsupported type",
        () -> update(table, "SET placed = note", Map.of()));
    assertValidation("Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed:"
        + " IndexKey: stage", () -> update(table, "SET stage.x = :v", Map.of(":v", s("x"))));
    assertValidation("One or more parameter values are not valid. The update expression attempted to update a"
        + " secondary index key to a value that is not supported. The AttributeValue for a key attribute cannot"
        + " contain an empty string value.", () -> update(table, "SET stage = :v", Map.of(":v", s(""))));
    assertEquals("first", dynamo.getItem(b -> b.tableName(table).key(Map.of("pk", s("c1"), "sk", s("o1"))))
        .item().get("note").s());
    assertFalse(dynamo.getItem(b -> b.tableName(table).key(key)).hasItem());
  }

  @Test
  void onlyTheTablePublishesStreamRecords() {
    String table = uniqueName("streamed-index");
    String streamArn = dynamo.createTable(b -> b.tableName(table).keySchema(key("pk", KeyType.HASH))
        .attributeDefinitions(definition("pk"), definition("g")).billingMode(BillingMode.PAY_PER_REQUEST)
        .streamSpecification(st -> st.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY))
        .globalSecondaryIndexes(g -> g.indexName("by-g").keySchema(key("g", KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.ALL)))).tableDescription().latestStreamArn();
    dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("a"), "g", s("x"))));
    dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("b"))));
    dynamo.updateItem(b -> b.tableName(table).key(Map.of("pk", s("a"))).updateExpression("SET g = :g")
        .expressionAttributeValues(Map.of(":g", s("y"))));

    assertEquals(List.of(streamArn), streams.listStreams(b -> b.tableName(table)).streams().stream()
        .map(st -> st.streamArn()).toList());
    List<Record> records = TestSupport.readStream(streams, streamArn);
    assertEquals(List.of("INSERT", "INSERT", "MODIFY"), records.stream().map(Record::eventNameAsString).toList());
    assertEquals(Map.of("pk", s("a")), records.get(2).dynamodb().keys());
  }

  @Test
  void updateTableAddsAndDropsGlobalIndexes() {
    String table = uniqueName("online-index");
    TestSupport.createTable(dynamo, table, false, null);
    dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("a"), "g", s("x"))));
    dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("b"), "g", n("1"))));
    dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("c"))));

    TableDescription created = dynamo.updateTable(b -> b.tableName(table).attributeDefinitions(definition("g"))
        .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("by-g").keySchema(key("g", KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))))).tableDescription();
    assertEquals(IndexStatus.ACTIVE, created.globalSecondaryIndexes().get(0).indexStatus());
    assertEquals(List.of("pk", "g"), created.attributeDefinitions().stream().map(AttributeDefinition::attributeName)
        .toList());
    // Filled from the items already there; one whose g is a number stays out of an index of strings.
    assertEquals(1L, created.globalSecondaryIndexes().get(0).itemCount());
    assertEquals(List.of(Map.of("pk", s("a"), "g", s("x"))), dynamo.query(b -> b.tableName(table).indexName("by-g")
        .keyConditionExpression("g = :g").expressionAttributeValues(Map.of(":g", s("x")))).items());

    assertThrows(LimitExceededException.class, () -> dynamo.updateTable(b -> b.tableName(table)
        .attributeDefinitions(definition("h"), definition("i")).globalSecondaryIndexUpdates(
            u -> u.create(c -> c.indexName("by-h").keySchema(key("h", KeyType.HASH))
                .projection(p -> p.projectionType(ProjectionType.ALL))),
            u -> u.create(c -> c.indexName("by-i").keySchema(key("i", KeyType.HASH))
                .projection(p -> p.projectionType(ProjectionType.ALL))))));
    assertValidation("ProvisionedThroughput must be specified for index: by-g", () -> dynamo.updateTable(b -> b
        .tableName(table).billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L))));
    assertThrows(ResourceNotFoundException.class, () -> dynamo.updateTable(b -> b.tableName(table)
        .globalSecondaryIndexUpdates(u -> u.delete(d -> d.indexName("by-nothing")))));

    TableDescription dropped = dynamo.updateTable(b -> b.tableName(table)
        .globalSecondaryIndexUpdates(u -> u.delete(d -> d.indexName("by-g")))).tableDescription();
    assertFalse(dropped.hasGlobalSecondaryIndexes());
    assertEquals(List.of("pk"), dropped.attributeDefinitions().stream().map(AttributeDefinition::attributeName)
        .toList());
    assertValidation("The table does not have the specified index: by-g", () -> dynamo.scan(b -> b
        .tableName(table).indexName("by-g")));
  }

  @Test
  void updateTableChangesTheCapacityOfGlobalIndexes() {
    String table = uniqueName("index-capacity");
    dynamo.createTable(b -> b.tableName(table).keySchema(key("pk", KeyType.HASH))
        .attributeDefinitions(definition("pk"), definition("g"))
        .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L))
        .globalSecondaryIndexes(g -> g.indexName("by-g").keySchema(key("g", KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.ALL))
            .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L))));
    GlobalSecondaryIndexDescription updated = dynamo.updateTable(b -> b.tableName(table)
        .globalSecondaryIndexUpdates(u -> u.update(i -> i.indexName("by-g")
            .provisionedThroughput(p -> p.readCapacityUnits(7L).writeCapacityUnits(8L)))))
        .tableDescription().globalSecondaryIndexes().get(0);
    assertEquals(7L, updated.provisionedThroughput().readCapacityUnits());
    assertEquals(8L, updated.provisionedThroughput().writeCapacityUnits());
    assertValidation("Only one global secondary index update per index is allowed simultaneously. Index: by-g",
        () -> dynamo.updateTable(b -> b.tableName(table).globalSecondaryIndexUpdates(
            u -> u.update(i -> i.indexName("by-g").provisionedThroughput(p -> p.readCapacityUnits(2L)
                .writeCapacityUnits(2L))),
            u -> u.delete(d -> d.indexName("by-g")))));

    GlobalSecondaryIndexDescription onDemand = dynamo.updateTable(b -> b.tableName(table)
        .billingMode(BillingMode.PAY_PER_REQUEST)).tableDescription().globalSecondaryIndexes().get(0);
    assertEquals(0L, onDemand.provisionedThroughput().readCapacityUnits());
  }

  /**
   * The orders table: o1 to o6 of customers c1 to c3, o5 without stage or customer, o2 and o6
   * with the same stage and placing time.
   */
  /** The orders table of the class comment, with six orders; o5 has no stage and no customer. */
  static String ordersTable() {
    String table = uniqueName("orders");
    dynamo.createTable(b -> b.tableName(table)
        .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
        .attributeDefinitions(definition("pk"), definition("sk"), definition("stage"),
            definition("placed", ScalarAttributeType.N), definition("customer"))
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .globalSecondaryIndexes(
            g -> g.indexName("by-stage").keySchema(key("stage", KeyType.HASH), key("placed", KeyType.RANGE))
                .projection(p -> p.projectionType(ProjectionType.INCLUDE).nonKeyAttributes("amount")),
            g -> g.indexName("by-customer").keySchema(key("customer", KeyType.HASH))
                .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)))
        .localSecondaryIndexes(l -> l.indexName("by-placed")
            .keySchema(key("pk", KeyType.HASH), key("placed", KeyType.RANGE))
            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))));
    put(table, "c1", "o1", "OPEN", "30", "alice", "10", "first");
    put(table, "c1", "o2", "OPEN", "10", "bob", "20", "second");
    put(table, "c2", "o3", "OPEN", "20", "alice", "30", "third");
    put(table, "c2", "o4", "SHIPPED", "5", "carol", null, null);
    put(table, "c3", "o5", null, "7", null, null, "fifth");
    put(table, "c1", "o6", "OPEN", "10", "dave", "5", null);
    return table;
  }

  private static void put(String table, String customerId, String id, String stage, String placed,
      String customer, String amount, String note) {
    Map<String, AttributeValue> item = new HashMap<>(Map.of("pk", s(customerId), "sk", s(id), "placed",
        n(placed)));
    if (stage != null) {
      item.put("stage", s(stage));
    }
    if (customer != null) {
      item.put("customer", s(customer));
    }
    if (amount != null) {
      item.put("amount", n(amount));
    }
    if (note != null) {
      item.put("note", s(note));
    }
    dynamo.putItem(b -> b.tableName(table).item(item));
  }

  private static QueryRequest stageQuery(String table, String stage, Consumer<QueryRequest.Builder> more) {
    QueryRequest.Builder builder = QueryRequest.builder().tableName(table).indexName("by-stage")
        .keyConditionExpression("stage = :s").expressionAttributeValues(Map.of(":s", s(stage)));
    more.accept(builder);
    return builder.build();
  }

  private static QueryResponse queryStage(String table, String stage, Consumer<QueryRequest.Builder> more) {
    return dynamo.query(stageQuery(table, stage, more));
  }

  private static QueryResponse queryPlaced(String table, Consumer<QueryRequest.Builder> more) {
    QueryRequest.Builder builder = QueryRequest.builder().tableName(table).indexName("by-placed")
        .keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", s("c1")));
    more.accept(builder);
    return dynamo.query(builder.build());
  }

  private static void update(String table, String expression, Map<String, AttributeValue> values) {
    dynamo.updateItem(b -> b.tableName(table).key(Map.of("pk", s("c1"), "sk", s("o1")))
        .updateExpression(expression).expressionAttributeValues(values.isEmpty() ? null : values));
  }

  private static void create(String table, boolean withSortKey, Consumer<CreateTableRequest.Builder> more) {
    CreateTableRequest.Builder builder = CreateTableRequest.builder().tableName(table)
        .billingMode(BillingMode.PAY_PER_REQUEST);
    if (withSortKey) {
      builder.keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
          .attributeDefinitions(definition("pk"), definition("sk"), definition("l"));
    } else {
      builder.keySchema(key("pk", KeyType.HASH)).attributeDefinitions(definition("pk"));
    }
    more.accept(builder);
    dynamo.createTable(builder.build());
  }

  private static Map<String, AttributeValue> with(Map<String, AttributeValue> item, String name,
      AttributeValue value) {
    Map<String, AttributeValue> copy = new HashMap<>(item);
    copy.put(name, value);
    return copy;
  }

  private static List<String> ids(QueryResponse response) {
    return response.items().stream().map(item -> item.get("sk").s()).toList();
  }

  private static List<String> ids(ScanResponse response) {
    return response.items().stream().map(item -> item.get("sk").s()).toList();
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  private static AttributeDefinition definition(String name) {
    return definition(name, ScalarAttributeType.S);
  }

  private static AttributeDefinition definition(String name, ScalarAttributeType type) {
    return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
  }
}
