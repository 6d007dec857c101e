package dev.laconic.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import dev.laconic.junit.app.Notes;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Stream events from items, for unit tests of one function. */
class DynamoStreamEventTest {

  static final String NOTE = "{\"owner\": {\"S\": \"ann\"}, \"id\": {\"S\": \"n-1\"},"
      + " \"text\": {\"S\": \"buy milk\"}}";
  static final String EDITED = "{\"owner\": {\"S\": \"ann\"}, \"id\": {\"S\": \"n-1\"},"
      + " \"text\": {\"S\": \"buy oat milk\"}}";

  @Test
  void changesBecomeOneBatchInOrderWithSequenceNumbersIncreasing() {
    JsonNode event = DynamoStreamEvent.builder()
        .insert(NOTE).modify(NOTE, EDITED).remove(EDITED)
        .keys("owner", "id") // keys every change, those before it too
        .toJson();

    List<JsonNode> records = List.copyOf(iterable(event.path("Records")));
    assertEquals(List.of("INSERT", "MODIFY", "REMOVE"),
        records.stream().map(r -> r.path("eventName").asText()).toList());
    BigInteger previous = BigInteger.ZERO;
    for (JsonNode record : records) {
      BigInteger sequence = new BigInteger(record.path("dynamodb").path("SequenceNumber").asText());
      assertTrue(sequence.compareTo(previous) > 0, event.toString());
      previous = sequence;
      assertEquals("{\"owner\":{\"S\":\"ann\"},\"id\":{\"S\":\"n-1\"}}",
          record.path("dynamodb").path("Keys").toString());
    }
    JsonNode modify = records.get(1).path("dynamodb");
    assertEquals("buy milk", modify.path("OldImage").path("text").path("S").asText());
    assertEquals("buy oat milk", modify.path("NewImage").path("text").path("S").asText());
    assertFalse(records.get(2).path("dynamodb").has("NewImage"));
  }

  @Test
  void aFunctionsEventsFollowItsTablesKeySchemaAndViewType() {
    JsonNode record = DynamoStreamEvent.forFunction(Notes.class, "Notes.index")
        .modify(NOTE, EDITED).toJson().path("Records").get(0);

    JsonNode data = record.path("dynamodb");
    assertEquals("NEW_IMAGE", data.path("StreamViewType").asText());
    assertFalse(data.has("OldImage"), "the table's stream carries new images only");
    assertEquals("{\"owner\":{\"S\":\"ann\"},\"id\":{\"S\":\"n-1\"}}",
        data.path("Keys").toString());
    assertTrue(record.path("eventSourceARN").asText()
        .matches("arn:aws:dynamodb:us-east-1:\\d{12}:table/NotesTable/stream/.+"),
        record.toString());

    IllegalArgumentException noKey = assertThrows(IllegalArgumentException.class,
        () -> DynamoStreamEvent.forFunction(Notes.class, "Notes.index")
            .insert("{\"owner\": {\"S\": \"ann\"}}"));
    assertEquals("The item has no id, a key attribute of table NotesTable.",
        noKey.getMessage());
    IllegalArgumentException queue = assertThrows(IllegalArgumentException.class,
        () -> DynamoStreamEvent.forFunction(Notes.class, "Notes.remind"));
    assertTrue(queue.getMessage().contains("has no DynamoDB stream mapping"), queue.getMessage());
  }

  @Test
  void sdkItemsOfEveryTypeAreWrittenInDynamoDbJson() {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put("id", AttributeValue.fromS("x"));
    item.put("n", AttributeValue.fromN("1.50"));
    item.put("b", AttributeValue.fromB(SdkBytes.fromUtf8String("hi")));
    item.put("bool", AttributeValue.fromBool(true));
    item.put("nul", AttributeValue.fromNul(true));
    item.put("ss", AttributeValue.fromSs(List.of("a", "b")));
    item.put("ns", AttributeValue.fromNs(List.of("1", "2")));
    item.put("bs", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("hi"))));
    item.put("l", AttributeValue.fromL(List.of(AttributeValue.fromS("e"))));
    item.put("m", AttributeValue.fromM(Map.of("k", AttributeValue.fromN("2"))));

    assertEquals("{\"id\":{\"S\":\"x\"},\"n\":{\"N\":\"1.50\"},\"b\":{\"B\":\"aGk=\"},"
        + "\"bool\":{\"BOOL\":true},\"nul\":{\"NULL\":true},\"ss\":{\"SS\":[\"a\",\"b\"]},"
        + "\"ns\":{\"NS\":[\"1\",\"2\"]},\"bs\":{\"BS\":[\"aGk=\"]},\"l\":{\"L\":[{\"S\":\"e\"}]},"
        + "\"m\":{\"M\":{\"k\":{\"N\":\"2\"}}}}", DynamoStreamEvent.json(item).toString());
  }

  @Test
  void enhancedClientObjectsAreItemsAndTheRuntimeReadsTheEvent() {
    TableSchema<Task> schema = TableSchema.fromBean(Task.class);
    Task before = new Task();
    before.setId("t-1");
    before.setTitle("draft");
    Task after = new Task();
    after.setId("t-1");
    after.setTitle("final");
    byte[] bytes = DynamoStreamEvent.builder()
        .deterministic(Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC), 7)
        .insert(schema, before).modify(schema, before, after).remove(schema, after)
        .toBytes();

    DynamodbEvent event = LambdaEventSerializers.serializerFor(DynamodbEvent.class,
        getClass().getClassLoader()).fromJson(new ByteArrayInputStream(bytes));
    assertEquals(3, event.getRecords().size());
    assertEquals("final", event.getRecords().get(1).getDynamodb().getNewImage().get("title")
        .getS());
    assertEquals("t-1", event.getRecords().get(2).getDynamodb().getKeys().get("id").getS());
    assertEquals(Instant.parse("2026-12-01T00:00:00Z"),
        event.getRecords().get(0).getDynamodb().getApproximateCreationDateTime().toInstant());
    assertEquals(new String(bytes), new String(DynamoStreamEvent.builder()
        .deterministic(Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC), 7)
        .insert(schema, before).modify(schema, before, after).remove(schema, after)
        .toBytes()), "the same seed, the same event");
  }

  @Test
  void anEventWithoutChangesOrWithAnUnknownViewTypeIsRefused() {
    assertEquals("An event needs at least one change.", assertThrows(
        IllegalArgumentException.class, () -> DynamoStreamEvent.builder().toJson())
        .getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> DynamoStreamEvent.builder().viewType("ALL").insert(NOTE).toJson()).getMessage()
        .startsWith("No stream view type ALL"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> DynamoStreamEvent.builder().insert("{\"id\": \"plain\"}")).getMessage()
        .contains("not an item in DynamoDB JSON"));
  }

  private static List<JsonNode> iterable(JsonNode array) {
    List<JsonNode> list = new java.util.ArrayList<>();
    array.forEach(list::add);
    return list;
  }

  /** An Enhanced Client class of the team's. */
  @DynamoDbBean
  public static class Task {
    private String id;
    private String title;

    @DynamoDbPartitionKey
    public String getId() {
      return id;
    }

    public void setId(String id) {
      this.id = id;
    }

    public String getTitle() {
      return title;
    }

    public void setTitle(String title) {
      this.title = title;
    }
  }
}
