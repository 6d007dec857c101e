package com.example.orders;

import static com.example.orders.DynamoJson.l;
import static com.example.orders.DynamoJson.m;
import static com.example.orders.DynamoJson.n;
import static com.example.orders.DynamoJson.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.example.orders.KinesisChanges.Change;
import com.example.orders.KinesisChanges.Placement;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code OrderTracking.track} on Kinesis events of the Orders table's changes (Kinesis Data
 * Streams for DynamoDB), in the format of the real {@code powertools-ts__dynamodb-stream.json}:
 * the real file itself, and events of Order items written in its format. Each goes through the
 * generated adapter as Lambda calls it (bytes in, bytes out) and through the Lambda runtime's own
 * serializer, with the same response bytes and the same log; a failing change is reported by its
 * Kinesis sequence number.
 */
class OrderTrackingTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String REAL = "powertools-ts__dynamodb-stream.json";
  static final Instant T0 = Instant.parse("2025-11-30T12:00:00Z");

  @Test
  void theFormatOfTheTestEventsRebuildsTheRealEvent() throws IOException {
    JsonNode real = JSON.readTree(LambdaRuntimeEvents.bytes(REAL));
    List<ObjectNode> rebuilt = new ArrayList<>();
    for (JsonNode record : real.get("Records")) {
      byte[] data = Base64.getDecoder().decode(record.at("/kinesis/data").asText());
      JsonNode change = JSON.readTree(data);
      JsonNode dynamodb = change.get("dynamodb");
      byte[] ours = KinesisChanges.data(new Change(change.get("eventID").asText(),
          change.get("eventName").asText(),
          Instant.ofEpochMilli(dynamodb.get("ApproximateCreationDateTime").asLong()),
          (ObjectNode) dynamodb.get("Keys"), (ObjectNode) dynamodb.get("NewImage"),
          (ObjectNode) dynamodb.get("OldImage")),
          change.get("awsRegion").asText(), change.get("tableName").asText());
      assertEquals(new String(data, StandardCharsets.UTF_8),
          new String(ours, StandardCharsets.UTF_8), "the same change record, byte for byte");
      rebuilt.add(KinesisChanges.record(ours, new Placement(record.get("awsRegion").asText(),
          change.get("tableName").asText(), record.at("/kinesis/partitionKey").asText(),
          record.at("/kinesis/sequenceNumber").asText(), Instant.ofEpochMilli(
              new BigDecimal(record.at("/kinesis/approximateArrivalTimestamp").asText())
                  .movePointRight(3).longValueExact()),
          record.get("eventSourceARN").asText(), record.get("invokeIdentityArn").asText())));
    }
    assertEquals(real, JSON.readTree(KinesisChanges.event(rebuilt.toArray(ObjectNode[]::new))));
  }

  @Test
  void theRealEventsItemsAreNoOrdersSoItsFirstChangeFails() throws IOException {
    Run run = bothPaths(LambdaRuntimeEvents.bytes(REAL));
    assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":"
        + "\"49657828409187701520019995242508390119953358325192589314\"}]}", run.response());
    assertTrue(run.log().get(0).contains("order null has no status"), run.log().toString());
  }

  @Test
  void everyChangeOfAnOrderIsTracked() throws IOException {
    Run run = bothPaths(KinesisChanges.event(List.of(
        change("c-1", "INSERT", 0, null, order("o-1", "PLACED", false)),
        change("c-2", "MODIFY", 1250, order("o-1", "PLACED", false), order("o-1", "PAID", true)),
        change("c-3", "MODIFY", 2000, order("o-1", "PAID", true), order("o-1", "SHIPPED", true)),
        change("c-4", "REMOVE", 3000, order("o-1", "SHIPPED", true), null))));
    assertEquals("{\"batchItemFailures\":[]}", run.response());
    assertEquals(List.of(
        "TRACK o-1 (new) -> PLACED at 2025-11-30T12:00:00Z: 3 items, total 59.90",
        "TRACK o-1 PLACED -> PAID at 2025-11-30T12:00:01.250Z: 3 items, total 59.90",
        "TRACK o-1 PAID -> SHIPPED at 2025-11-30T12:00:02Z: 3 items, total 59.90",
        "TRACK o-1 SHIPPED -> (removed) at 2025-11-30T12:00:03Z: 3 items, total 59.90"),
        run.log());
  }

  @Test
  void aPoisonChangeFailsAloneByItsKinesisSequenceNumber() throws IOException {
    Run run = bothPaths(KinesisChanges.event(List.of(
        change("c-1", "INSERT", 0, null, order("o-1", "PLACED", false)),
        change("c-2", "INSERT", 100, null, order("o-2", "LOST", true)),
        change("c-3", "INSERT", 200, null, order("o-3", "PLACED", true)))));
    String poison = KinesisChanges.sequenceNumber(1);
    assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":\"" + poison + "\"}]}",
        run.response(), "Lambda retries from the poison change; nothing after it is lost");
    assertEquals("TRACK o-1 (new) -> PLACED at 2025-11-30T12:00:00Z: 3 items, total 59.90",
        run.log().get(0));
    assertTrue(run.log().get(1).contains(poison) && run.log().get(1).contains("LOST"),
        run.log().toString());
    assertEquals(2, run.log().size(), "o-3 is not handled: " + run.log());
  }

  @Test
  void anOrderWithoutStatusFailsInTheHandlerAtItsSequenceNumber() throws IOException {
    ObjectNode noStatus = order("o-9", "PLACED", true);
    noStatus.remove("status");
    Run run = bothPaths(KinesisChanges.event(List.of(
        change("c-1", "INSERT", 0, null, noStatus),
        change("c-2", "INSERT", 100, null, order("o-1", "PLACED", true)))));
    assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":\""
        + KinesisChanges.sequenceNumber(0) + "\"}]}", run.response());
    assertTrue(run.log().get(0).contains("order o-9 has no status"), run.log().toString());
  }

  @Test
  void theSameChangesFromTheTablesDynamoDbStreamLogTheSameLines() throws IOException {
    List<Change> changes = List.of(
        change("c-1", "INSERT", 0, null, order("o-1", "PLACED", false)),
        change("c-2", "MODIFY", 1000, order("o-1", "PLACED", false), order("o-1", "PAID", true)),
        change("c-3", "REMOVE", 2000, order("o-1", "PAID", true), null));
    List<ObjectNode> streamRecords = new ArrayList<>();
    for (int i = 0; i < changes.size(); i++) {
      Change change = changes.get(i);
      ObjectNode record = DynamoJson.record(change.eventName(), "10" + i, change.keys(),
          change.newImage(), change.oldImage());
      // A DynamoDB stream gives whole seconds; these changes were made on the second.
      ((ObjectNode) record.get("dynamodb")).put("ApproximateCreationDateTime",
          change.created().getEpochSecond());
      streamRecords.add(record);
    }
    TestContext context = new TestContext();
    OrderTracking handler = new OrderTracking();
    for (DynamodbEvent.DynamodbStreamRecord record
        : LambdaRuntimeEvents.dynamodbEvent(DynamoJson.event(streamRecords)).getRecords()) {
      handler.track(OrderStreamMapper.toChange(record), context);
    }
    assertEquals(bothPaths(KinesisChanges.event(changes)).log(), context.logLines());
  }

  // ---- helpers ------------------------------------------------------------------------------

  /** The response and the log of one event, the same through both paths. */
  record Run(String response, List<String> log) {}

  /**
   * Runs {@code event} through the adapter's own reading and writing, and through the runtime's
   * serializer into {@code handle} and back; asserts both give the same bytes and log (but for
   * the stack frames, which name the caller).
   */
  static Run bothPaths(byte[] event) throws IOException {
    TestContext streamed = new TestContext("request-1");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new Laconic_OrderTracking_track().handleRequest(new ByteArrayInputStream(event), out,
        streamed);

    TestContext deserialized = new TestContext("request-1");
    StreamsEventResponse response = new Laconic_OrderTracking_track().handle(
        LambdaRuntimeEvents.runtimeSerializerFor(KinesisEvent.class)
            .fromJson(new ByteArrayInputStream(event)), deserialized);

    assertEquals(LambdaRuntimeEvents.toJson(response), out.toString(StandardCharsets.UTF_8));
    assertEquals(deserialized.logLinesWithoutFrames(), streamed.logLinesWithoutFrames());
    return new Run(out.toString(StandardCharsets.UTF_8), streamed.logLinesWithoutFrames());
  }

  /** A change of the Orders table made {@code millis} after {@link #T0}. */
  private static Change change(String eventId, String eventName, long millis,
      ObjectNode oldImage, ObjectNode newImage) {
    ObjectNode image = newImage != null ? newImage : oldImage;
    return new Change(eventId, eventName, T0.plusMillis(millis),
        DynamoJson.item(Map.of("pk", image.get("pk"))), newImage, oldImage);
  }

  /** An order item, in DynamoDB JSON: three items, 59.90 in all. */
  private static ObjectNode order(String id, String status, boolean withAddress) {
    Map<String, JsonNode> image = new LinkedHashMap<>();
    image.put("pk", s(id));
    image.put("customer", s("c-42"));
    image.put("status", s(status));
    if (withAddress) {
      image.put("shipTo", m(Map.of("street", s("Unter den Linden 1"), "city", s("Berlin"),
          "zip", s("10117"), "country", s("DE"))));
    }
    image.put("lines", l(List.of(
        m(Map.of("sku", s("book"), "quantity", n("2"), "unitPrice", n("19.95"))),
        m(Map.of("sku", s("pen"), "quantity", n("1"), "unitPrice", n("20.00"))))));
    image.put("total", n("59.90"));
    image.put("placedAt", n("1764500000"));
    return DynamoJson.item(image);
  }
}
