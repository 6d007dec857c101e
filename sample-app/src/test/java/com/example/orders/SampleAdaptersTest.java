package com.example.orders;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Drives the sample app's generated adapters with real DynamoDB Streams events, read by the Lambda
 * Java runtime's own serializer, as Lambda would invoke them.
 */
class SampleAdaptersTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EVENTS = "com.example.orders.LambdaRuntimeEvents#dynamodbEvents";

  // The echo function (batch, void, JSON logs): one record for the request, one per record, each
  // with the Go original's fields as JSON values.

  @ParameterizedTest(name = "{0}")
  @MethodSource(EVENTS)
  void echoLogsTheRequestIdThenEachRecordsKeysAsFields(String file) throws Exception {
    DynamodbEvent event = LambdaRuntimeEvents.dynamodbEvent(file);
    List<DynamodbStreamRecord> records = event.getRecords();
    TestContext context = TestContext.json("req-" + file);

    StreamsEventResponse response = new Laconic_OrderEvents_echo().handle(event, context);

    assertNull(response, "a void batch handler has no response");
    List<String> lines = context.logLines();
    assertEquals(1 + records.size(), lines.size(), () -> String.join("\n", lines));
    JsonNode request = JSON.readTree(lines.get(0));
    assertEquals("Request received", request.path("message").asText(), lines.get(0));
    assertEquals("INFO", request.path("level").asText());
    assertEquals(context.getAwsRequestId(), request.path("AWSRequestId").asText());
    assertEquals(context.getAwsRequestId(), request.path("RequestID").asText());
    for (int i = 0; i < records.size(); i++) {
      var dynamodb = records.get(i).getDynamodb();
      String line = lines.get(i + 1);
      JsonNode logged = JSON.readTree(line);
      assertEquals("DynamoDb Event", logged.path("message").asText(), line);
      assertEquals(context.getAwsRequestId(), logged.path("AWSRequestId").asText(), line);
      for (Map.Entry<String, AttributeValue> key : dynamodb.getKeys().entrySet()) {
        JsonNode value = logged.path("Keys").path(key.getKey());
        String expected = key.getValue().getS() != null ? key.getValue().getS()
            : key.getValue().getN();
        assertNotNull(expected, "keys are strings or numbers");
        assertEquals(expected, value.path(key.getValue().getS() != null ? "S" : "N").asText(),
            line);
      }
      Map<String, AttributeValue> image = dynamodb.getNewImage() == null ? Map.of()
          : dynamodb.getNewImage();
      List<String> names = new java.util.ArrayList<>();
      logged.path("NewImage").fieldNames().forEachRemaining(names::add);
      assertEquals(image.keySet().stream().sorted().toList(), names, line);
    }
  }

  // The audit function (per record): one AUDIT line per record, no failure.

  @ParameterizedTest(name = "{0}")
  @MethodSource(EVENTS)
  void auditLogsOneLinePerRecordAndReportsNoFailure(String file) {
    DynamodbEvent event = LambdaRuntimeEvents.dynamodbEvent(file);
    TestContext context = new TestContext();

    StreamsEventResponse response = new Laconic_OrderAudit_audit().handle(event, context);

    assertNotNull(response);
    assertNotNull(response.getBatchItemFailures());
    assertTrue(response.getBatchItemFailures().isEmpty(), response::toString);
    List<String> lines = context.logLines();
    assertEquals(event.getRecords().size(), lines.size(), () -> String.join("\n", lines));
    for (int i = 0; i < lines.size(); i++) {
      DynamodbStreamRecord record = event.getRecords().get(i);
      assertTrue(lines.get(i).startsWith("AUDIT " + record.getEventName() + " "), lines.get(i));
      assertTrue(lines.get(i).contains(String.valueOf(record.getDynamodb().getKeys())),
          lines.get(i));
    }
    assertEquals("{\"batchItemFailures\":[]}", LambdaRuntimeEvents.toJson(response));
  }

  // What the runtime's deserializer keeps.

  @ParameterizedTest(name = "{0}")
  @MethodSource(EVENTS)
  void deserializerKeepsWhatTheHandlersNeed(String file) {
    // The values as written in the file, in record order (each record has one of each).
    String text = new String(
        LambdaRuntimeEvents.withoutBom(LambdaRuntimeEvents.bytes(file)), StandardCharsets.UTF_8);
    List<String> sequenceNumbers = find(text, "\"SequenceNumber\"\\s*:\\s*\"([^\"]*)\"");
    List<String> eventNames = find(text, "\"eventName\"\\s*:\\s*\"([^\"]*)\"");
    List<String> creationTimes =
        find(text, "\"ApproximateCreationDateTime\"\\s*:\\s*([-+.0-9Ee]+)");

    DynamodbEvent event = LambdaRuntimeEvents.dynamodbEvent(file);

    List<DynamodbStreamRecord> records = event.getRecords();
    assertNotNull(records);
    assertFalse(records.isEmpty());
    assertEquals(sequenceNumbers, records.stream()
        .map(r -> r.getDynamodb().getSequenceNumber()).toList());
    assertEquals(eventNames, records.stream().map(DynamodbStreamRecord::getEventName).toList());
    if (creationTimes.isEmpty()) {
      for (DynamodbStreamRecord record : records) {
        assertNull(record.getDynamodb().getApproximateCreationDateTime());
      }
    } else {
      // Epoch seconds, possibly fractional, in the file; a Date to the millisecond in the model.
      assertEquals(creationTimes.stream().map(SampleAdaptersTest::epochSecondsToDate).toList(),
          records.stream().map(r -> r.getDynamodb().getApproximateCreationDateTime()).toList());
    }
    for (DynamodbStreamRecord record : records) {
      assertAll(
          () -> assertFalse(record.getDynamodb().getKeys().isEmpty()),
          () -> assertNotNull(record.getEventID()),
          () -> assertNotNull(record.getEventSourceARN()),
          () -> assertNotNull(record.getDynamodb().getStreamViewType()));
    }
  }

  @Test
  void fractionalCreationTimeIsKeptToTheMillisecond() {
    // 1.635734407123456789E9 seconds in the file: the runtime keeps milliseconds and drops the rest.
    DynamodbEvent event = LambdaRuntimeEvents.dynamodbEvent("java__dynamo_event.json");
    assertEquals(new Date(1_428_537_600_000L),
        event.getRecords().get(0).getDynamodb().getApproximateCreationDateTime());
    assertEquals(new Date(1_635_734_407_123L),
        event.getRecords().get(1).getDynamodb().getApproximateCreationDateTime());
    DynamodbEvent roundtrip = LambdaRuntimeEvents.dynamodbEvent("java__dynamo_event_roundtrip.json");
    assertEquals(new Date(1_635_734_407_123L),
        roundtrip.getRecords().get(1).getDynamodb().getApproximateCreationDateTime());
  }

  @Test
  void goEventReadsAllTenAttributeTypes() {
    DynamodbEvent event = LambdaRuntimeEvents.dynamodbEvent(LambdaRuntimeEvents.GO_ALL_TYPES);
    assertEquals(2, event.getRecords().size());
    DynamodbStreamRecord first = event.getRecords().get(0);
    assertEquals("INSERT", first.getEventName());
    assertEquals("1405400000000002063282832", first.getDynamodb().getSequenceNumber());
    assertEquals(new Date(1_480_642_020_000L),
        first.getDynamodb().getApproximateCreationDateTime());
    assertEquals("Service", first.getUserIdentity().getType());
    assertEquals("dynamodb.amazonaws.com", first.getUserIdentity().getPrincipalId());

    Map<String, AttributeValue> image = event.getRecords().get(1).getDynamodb().getNewImage();
    assertAll(
        () -> assertEquals("Hello", image.get("String").getS()),
        () -> assertEquals("123", image.get("IntegerNumber").getN()),
        () -> assertEquals("123.45", image.get("FloatNumber").getN()),
        () -> assertBytes(new byte[] {0x00, 0x01, 0x2A, 0x41}, image.get("Binary").getB()),
        // "test" is valid base64 too: three bytes, not the four characters.
        () -> assertBytes(Base64.getDecoder().decode("test"), image.get("b2").getB()),
        () -> assertEquals(List.of("Giraffe", "Zebra"), image.get("StringSet").getSS()),
        () -> assertEquals(List.of(), image.get("EmptyStringSet").getSS()),
        () -> assertEquals(List.of("1234", "567.8"), image.get("NumberSet").getNS()),
        () -> assertEquals(2, image.get("BinarySet").getBS().size()),
        () -> assertBytes(new byte[] {0x00, 0x01, 0x2A, 0x41},
            image.get("BinarySet").getBS().get(0)),
        () -> assertBytes(new byte[] {0x41, 0x2A, 0x01, 0x00},
            image.get("asdf2").getBS().get(1)),
        () -> assertEquals("Joe", image.get("Map").getM().get("Name").getS()),
        () -> assertEquals("35", image.get("Map").getM().get("Age").getN()),
        () -> assertEquals(3, image.get("List").getL().size()),
        () -> assertEquals("Cookies", image.get("List").getL().get(0).getS()),
        () -> assertEquals("3.14159", image.get("List").getL().get(2).getN()),
        () -> assertEquals(Boolean.TRUE, image.get("Null").getNULL()),
        () -> assertEquals(Boolean.TRUE, image.get("Boolean").getBOOL()),
        // An attribute value has one type: the others stay null.
        () -> assertNull(image.get("String").getN()),
        () -> assertNull(image.get("Boolean").getNULL()),
        () -> assertNull(image.get("Null").getBOOL()));
  }

  @Test
  void dotnetEventReadsAllTenAttributeTypes() {
    DynamodbEvent event = LambdaRuntimeEvents.dynamodbEvent(LambdaRuntimeEvents.DOTNET_ALL_TYPES);
    assertEquals(List.of("INSERT", "REMOVE"),
        event.getRecords().stream().map(DynamodbStreamRecord::getEventName).toList());

    var inserted = event.getRecords().get(0).getDynamodb();
    Map<String, AttributeValue> image = inserted.getNewImage();
    Map<String, AttributeValue> misc = image.get("misc2").getM();
    assertAll(
        () -> assertEquals("1405400000000002063282832", inserted.getSequenceNumber()),
        () -> assertEquals(new Date(1_480_642_020_000L), inserted.getApproximateCreationDateTime()),
        () -> assertEquals("data", inserted.getKeys().get("val").getS()),
        () -> assertEquals("binary", inserted.getKeys().get("key").getS()),
        () -> assertBytes(new byte[] {0x00, 0x01, 0x2A, 0x41}, image.get("asdf1").getB()),
        () -> assertEquals(2, image.get("asdf2").getBS().size()),
        () -> assertEquals(List.of(), image.get("misc1").getL()),
        () -> assertEquals(List.of(), misc.get("ItemsEmpty").getL()),
        () -> assertEquals("Coffee", misc.get("ItemsNonEmpty").getL().get(1).getS()),
        () -> assertEquals("3.14159", misc.get("ItemsNonEmpty").getL().get(2).getN()),
        () -> assertEquals(Boolean.FALSE, misc.get("ItemBoolean").getBOOL()),
        () -> assertEquals(List.of("0", "50", "150"), misc.get("ItemNumberSet").getNS()),
        () -> assertEquals(Boolean.TRUE, misc.get("ItemNull").getNULL()),
        () -> assertEquals(List.of("Hippo", "Zebra"), misc.get("ItemStringSet").getSS()));

    DynamodbStreamRecord removed = event.getRecords().get(1);
    assertNull(removed.getDynamodb().getNewImage());
    assertEquals(3, removed.getDynamodb().getOldImage().get("asdf2").getBS().size());
    assertEquals("OLD_IMAGE", removed.getDynamodb().getStreamViewType());
    assertEquals("dynamodb.amazonaws.com", removed.getUserIdentity().getPrincipalId());
  }

  // Byte-order mark.

  @Test
  void byteOrderMarkIsAcceptedInBytesAndChangesNothing() {
    byte[] withBom = LambdaRuntimeEvents.bytes(LambdaRuntimeEvents.DOTNET_ALL_TYPES);
    assertTrue(LambdaRuntimeEvents.hasBom(withBom), "the copy keeps the original's BOM");
    DynamodbEvent fromBom = LambdaRuntimeEvents.dynamodbEvent(withBom);
    DynamodbEvent fromPlain =
        LambdaRuntimeEvents.dynamodbEvent(LambdaRuntimeEvents.withoutBom(withBom));
    assertEquals(fromPlain, fromBom);
  }

  @Test
  void byteOrderMarkIsRejectedInText() {
    // The String overload, which the runtime does not use for invocations, sees U+FEFF as a
    // character and fails. Recorded here so a change of behaviour shows.
    String text = new String(
        LambdaRuntimeEvents.bytes(LambdaRuntimeEvents.DOTNET_ALL_TYPES), StandardCharsets.UTF_8);
    assertEquals('\uFEFF', text.charAt(0));
    RuntimeException e = assertThrows(RuntimeException.class,
        () -> LambdaRuntimeEvents.eventSerializer().fromJson(text));
    assertTrue(String.valueOf(e.getMessage()).contains("0xfeff"), e::getMessage);
  }

  // Malformed input never reaches an adapter.

  @Test
  void malformedEventFailsToDeserializeSoNoAdapterIsCalled() {
    byte[] bytes = LambdaRuntimeEvents.bytes(LambdaRuntimeEvents.MALFORMED);
    TestContext context = new TestContext();
    FailOnModify.SEEN.clear();

    RuntimeException e = assertThrows(RuntimeException.class, () -> {
      // The runtime calls the handler only with what it could deserialize.
      DynamodbEvent event = LambdaRuntimeEvents.dynamodbEvent(bytes);
      new Laconic_OrderEvents_echo().handle(event, context);
      new Laconic_OrderAudit_audit().handle(event, context);
      new Laconic_FailOnModify_handle().handle(event, context);
    });

    assertTrue(String.valueOf(e.getMessage()).contains("end-of-input"), e::getMessage);
    assertEquals(List.of(), context.logLines(), "no adapter logged anything");
    assertEquals(List.of(), FailOnModify.SEEN, "no handler was called");
  }

  // A record is not an event.

  @Test
  void singleRecordReadAsAnEventHasNoRecords() {
    // Unknown properties are ignored: the record's fields vanish and Records stays null.
    DynamodbEvent event = LambdaRuntimeEvents.dynamodbEvent(LambdaRuntimeEvents.SINGLE_RECORD);
    assertNull(event.getRecords());
    TestContext context = new TestContext();
    StreamsEventResponse response = new Laconic_OrderAudit_audit().handle(event, context);
    assertEquals(List.of(), response.getBatchItemFailures());
    assertEquals(List.of(), context.logLines());
  }

  @Test
  void timeWindowEventsReadAsPlainEvents() {
    // window, state, shardId, ... are not part of DynamodbEvent and are dropped; the records stay.
    DynamodbEvent go = LambdaRuntimeEvents.dynamodbEvent("go__dynamodb-time-window-event.json");
    assertEquals(List.of("111", "222", "333"), go.getRecords().stream()
        .map(r -> r.getDynamodb().getSequenceNumber()).toList());
    DynamodbEvent java = LambdaRuntimeEvents.dynamodbEvent("java__dynamo_time_window_event.json");
    assertEquals(List.of("111", "222"), java.getRecords().stream()
        .map(r -> r.getDynamodb().getSequenceNumber()).toList());
    assertNull(java.getRecords().get(0).getDynamodb().getApproximateCreationDateTime(),
        "this file has no ApproximateCreationDateTime");
  }

  // Response serialization.

  @Test
  void responseSerializerIsTheOneTheRuntimePicks() {
    StreamsEventResponse failed = new StreamsEventResponse(
        List.of(new StreamsEventResponse.BatchItemFailure("4421584500000000017450439092")));
    String expected = "{\"batchItemFailures\":[{\"itemIdentifier\":\"4421584500000000017450439092\"}]}";
    assertEquals(expected, LambdaRuntimeEvents.toJson(failed));
    // StreamsEventResponse is not one of the runtime's "supported events", so it gets the plain
    // Jackson serializer; the event serializer factory gives the same JSON for it.
    assertFalse(com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers
        .isLambdaSupportedEvent(StreamsEventResponse.class.getName()));
    var out = new java.io.ByteArrayOutputStream();
    com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers
        .serializerFor(StreamsEventResponse.class, getClass().getClassLoader())
        .toJson(failed, out);
    assertEquals(expected, out.toString(StandardCharsets.UTF_8));
    // A response without a list is written as {}: Lambda reads that as "no failure".
    assertEquals("{}", LambdaRuntimeEvents.toJson(new StreamsEventResponse()));
  }

  private static void assertBytes(byte[] expected, ByteBuffer actual) {
    assertNotNull(actual);
    ByteBuffer copy = actual.duplicate();
    byte[] bytes = new byte[copy.remaining()];
    copy.get(bytes);
    assertArrayEquals(expected, bytes);
  }

  private static List<String> find(String text, String regex) {
    return Pattern.compile(regex).matcher(text).results().map(m -> m.group(1)).toList();
  }

  private static Date epochSecondsToDate(String seconds) {
    return new Date(new BigDecimal(seconds).movePointRight(3)
        .setScale(0, RoundingMode.FLOOR).longValueExact());
  }
}
