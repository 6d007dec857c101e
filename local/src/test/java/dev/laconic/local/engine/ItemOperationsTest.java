package dev.laconic.local.engine;

import static dev.laconic.local.engine.TableLifecycleTest.assertValidation;
import static dev.laconic.local.engine.TestSupport.createTable;
import static dev.laconic.local.engine.TestSupport.n;
import static dev.laconic.local.engine.TestSupport.s;
import static dev.laconic.local.engine.TestSupport.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Item reads and writes: types, keys, batches, Scan and Query. */
class ItemOperationsTest {
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
  void everyAttributeTypeRoundTripsExactly() {
    String table = uniqueName("types");
    createTable(dynamo, table, false, null);
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put("pk", s("k"));
    item.put("s", s("héllo ✓ 𝄞"));
    item.put("emptyString", s(""));
    item.put("n", n("1.5"));
    item.put("big", n("-12345678901234567890.123456789012345678"));
    item.put("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1, (byte) 0xff})));
    item.put("ss", AttributeValue.fromSs(List.of("x", "y")));
    item.put("ns", AttributeValue.fromNs(List.of("1", "2.5", "-3")));
    item.put("bs", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("p"), SdkBytes.fromUtf8String("q"))));
    item.put("m", AttributeValue.fromM(Map.of("inner", s("v"), "deep", AttributeValue.fromM(Map.of("z", n("0"))))));
    item.put("l", AttributeValue.fromL(List.of(s("a"), n("1"), AttributeValue.fromBool(false))));
    item.put("emptyList", AttributeValue.fromL(List.of()));
    item.put("emptyMap", AttributeValue.fromM(Map.of()));
    item.put("null", AttributeValue.fromNul(true));
    item.put("bool", AttributeValue.fromBool(true));
    dynamo.putItem(b -> b.tableName(table).item(item));
    Map<String, AttributeValue> read = dynamo.getItem(b -> b.tableName(table).key(Map.of("pk", s("k")))).item();
    assertEquals(item, read);
    // Numbers in DynamoDB's own spelling round-trip exactly; others are rewritten (NumbersTest).
    assertEquals("1.5", read.get("n").n());
  }

  @Test
  void numericKeysCompareByValue() {
    String table = uniqueName("numeric");
    dynamo.createTable(b -> b.tableName(table)
        .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
        .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.N))
        .billingMode(BillingMode.PAY_PER_REQUEST));
    dynamo.putItem(b -> b.tableName(table).item(Map.of("id", n("1.0"), "v", s("first"))));
    dynamo.putItem(b -> b.tableName(table).item(Map.of("id", n("1"), "v", s("second"))));
    assertEquals(1, dynamo.scan(b -> b.tableName(table)).count());
    assertEquals("second", dynamo.getItem(b -> b.tableName(table).key(Map.of("id", n("1.000")))).item().get("v").s());
  }

  @Test
  void putReplacesAndReturnsOldItem() {
    String table = uniqueName("put");
    createTable(dynamo, table, false, null);
    Map<String, AttributeValue> first = Map.of("pk", s("a"), "v", n("1"), "gone", s("x"));
    assertFalse(dynamo.putItem(b -> b.tableName(table).item(first).returnValues(ReturnValue.ALL_OLD)).hasAttributes());
    Map<String, AttributeValue> old = dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("a"), "v", n("2")))
        .returnValues(ReturnValue.ALL_OLD)).attributes();
    assertEquals(first, old);
    assertEquals(Map.of("pk", s("a"), "v", n("2")),
        dynamo.getItem(b -> b.tableName(table).key(Map.of("pk", s("a")))).item());
    assertValidation("Return values set to invalid value", () -> dynamo.putItem(b -> b.tableName(table)
        .item(first).returnValues(ReturnValue.ALL_NEW)));
  }

  @Test
  void deleteReturnsOldItemAndIgnoresMissing() {
    String table = uniqueName("delete");
    createTable(dynamo, table, true, null);
    Map<String, AttributeValue> key = Map.of("pk", s("a"), "sk", s("1"));
    dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("a"), "sk", s("1"), "v", s("x"))));
    assertEquals("x", dynamo.deleteItem(b -> b.tableName(table).key(key).returnValues(ReturnValue.ALL_OLD))
        .attributes().get("v").s());
    assertFalse(dynamo.getItem(b -> b.tableName(table).key(key)).hasItem());
    assertFalse(dynamo.deleteItem(b -> b.tableName(table).key(key).returnValues(ReturnValue.ALL_OLD)).hasAttributes());
  }

  @Test
  void keysMustMatchTheSchema() {
    String table = uniqueName("keys");
    createTable(dynamo, table, true, null);
    assertValidation("Missing the key sk in the item",
        () -> dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("a")))));
    assertValidation("Type mismatch for key pk expected: S actual: N",
        () -> dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", n("1"), "sk", s("a")))));
    assertValidation("cannot contain an empty string value. Key: pk",
        () -> dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s(""), "sk", s("a")))));
    assertValidation("The provided key element does not match the schema",
        () -> dynamo.getItem(b -> b.tableName(table).key(Map.of("pk", s("a")))));
    assertValidation("The provided key element does not match the schema",
        () -> dynamo.getItem(b -> b.tableName(table).key(Map.of("pk", s("a"), "sk", s("b"), "x", s("c")))));
    assertValidation("The provided key element does not match the schema",
        () -> dynamo.deleteItem(b -> b.tableName(table).key(Map.of("pk", s("a"), "sk", n("1")))));
  }

  @Test
  void invalidAttributeValuesAreRejected() {
    String table = uniqueName("values");
    createTable(dynamo, table, false, null);
    assertValidation("set may not be empty", () -> dynamo.putItem(b -> b.tableName(table)
        .item(Map.of("pk", s("a"), "ss", AttributeValue.fromSs(List.of())))));
    assertValidation("contains duplicates", () -> dynamo.putItem(b -> b.tableName(table)
        .item(Map.of("pk", s("a"), "ns", AttributeValue.fromNs(List.of("1", "1.0"))))));
    assertValidation("cannot be converted into a number",
        () -> dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("a"), "n", n("one")))));
    assertValidation("more than 38 significant digits", () -> dynamo.putItem(b -> b.tableName(table)
        .item(Map.of("pk", s("a"), "n", n("1234567890123456789012345678901234567890")))));
    assertValidation("Supplied AttributeValue is empty", () -> dynamo.putItem(b -> b.tableName(table)
        .item(Map.of("pk", s("a"), "x", AttributeValue.builder().build()))));
    assertValidation("Null attribute value types must have the value of true", () -> dynamo.putItem(b -> b
        .tableName(table).item(Map.of("pk", s("a"), "x", AttributeValue.fromNul(false)))));
    assertValidation("Item size has exceeded the maximum allowed size", () -> dynamo.putItem(b -> b
        .tableName(table).item(Map.of("pk", s("a"), "x", s("y".repeat(400 * 1024))))));
    assertFalse(dynamo.getItem(b -> b.tableName(table).key(Map.of("pk", s("a")))).hasItem());
  }

  @Test
  void projectionSelectsNestedPaths() {
    String table = uniqueName("projection");
    createTable(dynamo, table, false, null);
    dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("a"), "top", s("t"), "other", s("o"),
        "m", AttributeValue.fromM(Map.of("x", n("1"), "y", n("2"))),
        "l", AttributeValue.fromL(List.of(s("l0"), s("l1"), s("l2"))))));
    Map<String, AttributeValue> projected = dynamo.getItem(b -> b.tableName(table).key(Map.of("pk", s("a")))
        .projectionExpression("#t, m.y, l[2], l[0], absent.leaf")
        .expressionAttributeNames(Map.of("#t", "top"))).item();
    assertEquals(Map.of("top", s("t"), "m", AttributeValue.fromM(Map.of("y", n("2"))),
        "l", AttributeValue.fromL(List.of(s("l0"), s("l2")))), projected);
    assertValidation("Two document paths overlap", () -> dynamo.getItem(b -> b.tableName(table)
        .key(Map.of("pk", s("a"))).projectionExpression("m, m.y")));
  }

  @Test
  void batchWriteAndBatchGet() {
    String table = uniqueName("batch");
    createTable(dynamo, table, false, null);
    dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("old"))));
    List<WriteRequest> writes = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      Map<String, AttributeValue> item = Map.of("pk", s("k" + i), "i", n("" + i));
      writes.add(WriteRequest.builder().putRequest(p -> p.item(item)).build());
    }
    writes.add(WriteRequest.builder().deleteRequest(d -> d.key(Map.of("pk", s("old")))).build());
    assertTrue(dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, writes))).unprocessedItems().isEmpty());
    assertEquals(24, dynamo.scan(b -> b.tableName(table)).count());

    KeysAndAttributes keys = KeysAndAttributes.builder()
        .keys(Map.of("pk", s("k3")), Map.of("pk", s("k7")), Map.of("pk", s("absent")))
        .projectionExpression("i").build();
    BatchGetItemResponse got = dynamo.batchGetItem(b -> b.requestItems(Map.of(table, keys)));
    assertEquals(List.of("3", "7"), got.responses().get(table).stream().map(item -> item.get("i").n()).sorted()
        .toList());
    assertEquals(Map.of("i", n("3")), got.responses().get(table).stream()
        .filter(item -> item.get("i").n().equals("3")).findFirst().orElseThrow());

    List<WriteRequest> duplicates = List.of(
        WriteRequest.builder().putRequest(p -> p.item(Map.of("pk", s("d")))).build(),
        WriteRequest.builder().deleteRequest(d -> d.key(Map.of("pk", s("d")))).build());
    assertValidation("Provided list of item keys contains duplicates",
        () -> dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, duplicates))));
    List<WriteRequest> tooMany = IntStream.range(0, 26).mapToObj(i -> WriteRequest.builder()
        .putRequest(p -> p.item(Map.of("pk", s("many" + i)))).build()).toList();
    assertValidation("Member must have length between 1 and 25",
        () -> dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, tooMany))));
    assertEquals(24, dynamo.scan(b -> b.tableName(table)).count());
  }

  @Test
  void scanPagesWithLimitAndFilters() {
    String table = uniqueName("scan");
    createTable(dynamo, table, false, null);
    for (int i = 0; i < 10; i++) {
      String pk = String.format("k%02d", i);
      int value = i;
      dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s(pk), "v", n("" + value))));
    }
    ScanResponse first = dynamo.scan(b -> b.tableName(table).limit(4));
    assertEquals(List.of("k00", "k01", "k02", "k03"), first.items().stream().map(i -> i.get("pk").s()).toList());
    assertEquals(Map.of("pk", s("k03")), first.lastEvaluatedKey());
    ScanResponse second = dynamo.scan(b -> b.tableName(table).limit(4).exclusiveStartKey(first.lastEvaluatedKey()));
    assertEquals("k04", second.items().get(0).get("pk").s());

    List<String> all = dynamo.scanPaginator(b -> b.tableName(table).limit(3)).items().stream()
        .map(i -> i.get("pk").s()).toList();
    assertEquals(IntStream.range(0, 10).mapToObj(i -> String.format("k%02d", i)).toList(), all);

    ScanResponse filtered = dynamo.scan(b -> b.tableName(table).filterExpression("v >= :min")
        .expressionAttributeValues(Map.of(":min", n("7"))).projectionExpression("v"));
    assertEquals(3, filtered.count());
    assertEquals(10, filtered.scannedCount());
    assertEquals(List.of(Map.of("v", n("7")), Map.of("v", n("8")), Map.of("v", n("9"))), filtered.items());

    ScanResponse counted = dynamo.scan(b -> b.tableName(table).select(Select.COUNT));
    assertEquals(10, counted.count());
    assertFalse(counted.hasItems());
    assertValidation("The table does not have the specified index: gsi", () -> dynamo.scan(b -> b
        .tableName(table).indexName("gsi")));
  }

  @Test
  void queryUsesKeyConditionsInSortKeyOrder() {
    String table = uniqueName("query");
    createTable(dynamo, table, true, null);
    for (String sk : List.of("a1", "a2", "b1", "b2", "c1")) {
      dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("p"), "sk", s(sk), "v", s(sk.toUpperCase()))));
    }
    dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("other"), "sk", s("a1"))));

    assertEquals(List.of("a1", "a2", "b1", "b2", "c1"), query(table, "pk = :p", Map.of()));
    assertEquals(List.of("b1"), query(table, "pk = :p AND sk = :x", Map.of(":x", s("b1"))));
    assertEquals(List.of("a1", "a2"), query(table, "pk = :p AND sk < :x", Map.of(":x", s("b1"))));
    assertEquals(List.of("a1", "a2", "b1"), query(table, "pk = :p AND sk <= :x", Map.of(":x", s("b1"))));
    assertEquals(List.of("b2", "c1"), query(table, "pk = :p AND sk > :x", Map.of(":x", s("b1"))));
    assertEquals(List.of("b1", "b2", "c1"), query(table, "pk = :p AND sk >= :x", Map.of(":x", s("b1"))));
    assertEquals(List.of("a2", "b1", "b2"),
        query(table, "pk = :p AND sk BETWEEN :x AND :y", Map.of(":x", s("a2"), ":y", s("b2"))));
    assertEquals(List.of("b1", "b2"), query(table, "(#k = :p) AND begins_with(#s, :x)", Map.of(":x", s("b"))));
    assertEquals(List.of("a2"), query(table, "sk = :x AND pk = :p", Map.of(":x", s("a2"))));

    QueryResponse backwards = dynamo.query(b -> b.tableName(table).keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("p"))).scanIndexForward(false).limit(2));
    assertEquals(List.of("c1", "b2"), backwards.items().stream().map(i -> i.get("sk").s()).toList());
    QueryResponse next = dynamo.query(b -> b.tableName(table).keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("p"))).scanIndexForward(false).limit(2)
        .exclusiveStartKey(backwards.lastEvaluatedKey()));
    assertEquals(List.of("b1", "a2"), next.items().stream().map(i -> i.get("sk").s()).toList());

    QueryResponse filtered = dynamo.query(b -> b.tableName(table).keyConditionExpression("pk = :p")
        .filterExpression("v IN (:a, :c)").expressionAttributeValues(Map.of(":p", s("p"), ":a", s("A1"),
            ":c", s("C1"))));
    assertEquals(2, filtered.count());
    assertEquals(5, filtered.scannedCount());

    assertValidation("Query condition missed key schema element: pk", () -> dynamo.query(b -> b.tableName(table)
        .keyConditionExpression("sk = :x").expressionAttributeValues(Map.of(":x", s("a")))));
    assertValidation("Query key condition not supported", () -> dynamo.query(b -> b.tableName(table)
        .keyConditionExpression("pk = :p OR sk = :p").expressionAttributeValues(Map.of(":p", s("p")))));
    assertValidation("Query condition missed key schema element: sk", () -> dynamo.query(b -> b.tableName(table)
        .keyConditionExpression("pk = :p AND v = :p").expressionAttributeValues(Map.of(":p", s("p")))));
    assertValidation("Condition parameter type does not match schema type", () -> dynamo.query(b -> b
        .tableName(table).keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", n("1")))));
    assertValidation("only contain one condition per key", () -> dynamo.query(b -> b.tableName(table)
        .keyConditionExpression("pk = :p AND pk = :p").expressionAttributeValues(Map.of(":p", s("p")))));
    assertValidation("Filter Expression can only contain non-primary key attributes", () -> dynamo.query(b -> b
        .tableName(table).keyConditionExpression("pk = :p").filterExpression("sk = :p")
        .expressionAttributeValues(Map.of(":p", s("p")))));
  }

  @Test
  void queryOnNumericSortKeyOrdersByValue() {
    String table = uniqueName("numeric-range");
    dynamo.createTable(b -> b.tableName(table)
        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
            KeySchemaElement.builder().attributeName("n").keyType(KeyType.RANGE).build())
        .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
            a -> a.attributeName("n").attributeType(ScalarAttributeType.N))
        .billingMode(BillingMode.PAY_PER_REQUEST));
    for (String number : List.of("10", "9", "-1", "2.5", "100")) {
      dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("p"), "n", n(number))));
    }
    List<String> ordered = dynamo.query(b -> b.tableName(table).keyConditionExpression("pk = :p AND n > :min")
        .expressionAttributeValues(Map.of(":p", s("p"), ":min", n("0")))).items().stream()
        .map(i -> i.get("n").n()).toList();
    assertEquals(List.of("2.5", "9", "10", "100"), ordered);
  }

  private static List<String> query(String table, String condition, Map<String, AttributeValue> values) {
    Map<String, AttributeValue> all = new HashMap<>(values);
    all.put(":p", s("p"));
    Map<String, String> names = new HashMap<>();
    if (condition.contains("#k")) {
      names.put("#k", "pk");
      names.put("#s", "sk");
    }
    return dynamo.query(b -> b.tableName(table).keyConditionExpression(condition).expressionAttributeValues(all)
        .expressionAttributeNames(names.isEmpty() ? null : names)).items().stream()
        .map(i -> i.get("sk").s()).collect(Collectors.toList());
  }
}
