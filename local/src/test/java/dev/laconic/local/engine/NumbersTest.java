package dev.laconic.local.engine;

import static dev.laconic.local.engine.TestSupport.createTable;
import static dev.laconic.local.engine.TestSupport.n;
import static dev.laconic.local.engine.TestSupport.readStream;
import static dev.laconic.local.engine.TestSupport.s;
import static dev.laconic.local.engine.TestSupport.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Numbers as DynamoDB stores them, through the SDK: written as {@code 1.0}, {@code 10.50},
 * {@code 1e3}, read, returned and published in stream records as {@code 1}, {@code 10.5},
 * {@code 1000}; and stream records sized as the Lambda guide's examples are.
 */
class NumbersTest extends EngineTest {

  @Test
  void numbersAreStoredReadAndPublishedWithoutTrailingZerosOrExponent() {
    String table = uniqueName("numbers");
    String streamArn = createTable(dynamo, table, false, StreamViewType.NEW_AND_OLD_IMAGES);
    dynamo.putItem(r -> r.tableName(table).item(Map.of(
        "pk", s("a"),
        "one", n("1.0"), "price", n("10.50"), "thousand", n("1e3"), "zero", n("-0.00"),
        "small", n("1.5E-3"), "set", AttributeValue.fromNs(List.of("2.50", "3")),
        "nested", AttributeValue.fromM(Map.of("list", AttributeValue.fromL(List.of(n("4.0"))))))));

    Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
        .key(Map.of("pk", s("a")))).item();
    assertEquals(n("1"), item.get("one"));
    assertEquals(n("10.5"), item.get("price"));
    assertEquals(n("1000"), item.get("thousand"));
    assertEquals(n("0"), item.get("zero"));
    assertEquals(n("0.0015"), item.get("small"));
    assertEquals(List.of("2.5", "3"), item.get("set").ns().stream().sorted().toList());
    assertEquals(n("4"), item.get("nested").m().get("list").l().get(0));

    Map<String, AttributeValue> image = readStream(streams, streamArn).get(0).dynamodb()
        .newImage();
    assertEquals(n("10.5"), image.get("price"));
    assertEquals(n("4"), image.get("nested").m().get("list").l().get(0));

    // The same numbers spelled otherwise change nothing: no MODIFY record.
    Map<String, AttributeValue> updated = dynamo.updateItem(r -> r.tableName(table)
        .key(Map.of("pk", s("a"))).updateExpression("SET price = :p, extra = :e")
        .expressionAttributeValues(Map.of(":p", n("10.500"), ":e", n("7.70")))
        .returnValues(ReturnValue.UPDATED_NEW)).attributes();
    assertEquals(Map.of("price", n("10.5"), "extra", n("7.7")), updated);
    List<Record> records = readStream(streams, streamArn);
    assertEquals(2, records.size(), "the INSERT and the MODIFY that added extra");
    assertEquals(n("7.7"), records.get(1).dynamodb().newImage().get("extra"));
  }

  @Test
  void aNumberKeyWrittenAs1Point0IsTheItemOfKey1() {
    String table = uniqueName("numberKeys");
    dynamo.createTable(r -> r.tableName(table)
        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
        .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.N))
        .billingMode("PAY_PER_REQUEST"));
    dynamo.putItem(r -> r.tableName(table).item(Map.of("id", n("1.0"), "v", s("x"))));
    dynamo.putItem(r -> r.tableName(table).item(Map.of("id", n("1"), "v", s("y"))));

    List<Map<String, AttributeValue>> items = dynamo.scan(r -> r.tableName(table)).items();
    assertEquals(List.of(Map.of("id", n("1"), "v", s("y"))), items);
  }

  @Test
  void streamRecordsAreSizedAsTheLambdaGuidesExamples() {
    // The Lambda guide's example stream (with-ddb): a table keyed by the number Id, an item
    // inserted, modified and removed; its records say 26, 59 and 38 bytes.
    String table = uniqueName("guide");
    String streamArn = dynamo.createTable(r -> r.tableName(table)
        .keySchema(k -> k.attributeName("Id").keyType(KeyType.HASH))
        .attributeDefinitions(a -> a.attributeName("Id").attributeType(ScalarAttributeType.N))
        .billingMode("PAY_PER_REQUEST")
        .streamSpecification(st -> st.streamEnabled(true)
            .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
        .tableDescription().latestStreamArn();
    dynamo.putItem(r -> r.tableName(table).item(Map.of("Id", n("101"),
        "Message", s("New item!"))));
    dynamo.putItem(r -> r.tableName(table).item(Map.of("Id", n("101"),
        "Message", s("This item has changed"))));
    dynamo.deleteItem(r -> r.tableName(table).key(Map.of("Id", n("101"))));

    assertEquals(List.of(26L, 59L, 38L), readStream(streams, streamArn).stream()
        .map(record -> record.dynamodb().sizeBytes()).toList());
  }
}
