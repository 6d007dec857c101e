package dev.laconic.kinesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisTimeWindowEvent;
import dev.laconic.stream.MalformedEventException;
import dev.laconic.testing.Fuzz;
import dev.laconic.testing.LambdaRuntime;
import dev.laconic.testing.RandomRecords;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kinesis events, plain and tumbling-window, read by {@link KinesisEventJson} against the Lambda
 * runtime's own serializer: equal objects, field by field, for every real event and for random
 * ones; the same failures for what it rejects.
 */
class KinesisEventJsonTest {

  static KinesisEvent read(byte[] json) throws IOException {
    return KinesisEventJson.read(new ByteArrayInputStream(json));
  }

  static KinesisTimeWindowEvent readWindow(byte[] json) throws IOException {
    return KinesisEventJson.readWindow(new ByteArrayInputStream(json));
  }

  static byte[] utf8(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  /** Equal events, and equal in what {@code equals} does not look at. */
  static void assertSameEvent(KinesisEvent expected, KinesisEvent actual, String what) {
    assertEquals(expected, actual, what);
    assertEquals(expected.toString(), actual.toString(), what);
    if (expected instanceof KinesisTimeWindowEvent window) {
      // Lombok's toString leaves the records out, and a map's equality ignores its order.
      assertEquals(String.valueOf(expected.getRecords()), String.valueOf(actual.getRecords()),
          what);
      assertEquals(String.valueOf(window.getState()),
          String.valueOf(((KinesisTimeWindowEvent) actual).getState()), what);
    }
    if (expected.getRecords() == null) {
      return;
    }
    for (int i = 0; i < expected.getRecords().size(); i++) {
      KinesisEvent.KinesisEventRecord record = expected.getRecords().get(i);
      if (record == null || record.getKinesis() == null) {
        continue;
      }
      // ByteBuffer equality compares the remaining bytes only: the buffers must be alike.
      ByteBuffer theirs = record.getKinesis().getData();
      ByteBuffer ours = actual.getRecords().get(i).getKinesis().getData();
      if (theirs != null) {
        assertEquals(theirs.position(), ours.position(), what);
        assertEquals(theirs.capacity(), ours.capacity(), what);
        assertEquals(theirs.isReadOnly(), ours.isReadOnly(), what);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "go__kinesis-event.json",
      "java__kinesis_event.json",
      "java__kinesis_time_window_event.json",
      "powertools-java__kinesis_event.json",
      "powertools-python__kinesisStreamEvent.json",
      "powertools-ts__dynamodb-stream.json"})
  void realEventsReadLikeTheRuntimeReadsThem(String file) throws IOException {
    byte[] bytes = LambdaRuntime.event(file);
    assertSameEvent(LambdaRuntime.read(KinesisEvent.class, bytes), read(bytes), file);
    assertSameEvent(LambdaRuntime.read(KinesisTimeWindowEvent.class, bytes), readWindow(bytes),
        file);
  }

  @Test
  void theFieldsOfARealEvent() throws IOException {
    KinesisEvent.KinesisEventRecord record =
        read(LambdaRuntime.event("java__kinesis_event.json")).getRecords().get(0);
    KinesisEvent.Record kinesis = record.getKinesis();
    assertEquals("Hello, this is a test 123.",
        StandardCharsets.UTF_8.decode(kinesis.getData()).toString());
    assertEquals(new Date(1428537600000L), kinesis.getApproximateArrivalTimestamp());
    assertEquals("NONE", kinesis.getEncryptionType());
    assertEquals("1.0", kinesis.getKinesisSchemaVersion());
    assertEquals("partitionKey-03", kinesis.getPartitionKey());
    assertEquals("49545115243490985018280067714973144582180062593244200961",
        kinesis.getSequenceNumber());
    assertEquals("shardId-000000000000:49545115243490985018280067714973144582180062593244200961",
        record.getEventID());
    assertEquals("aws:kinesis:record", record.getEventName());
    assertEquals("1.0", record.getEventVersion());
    assertEquals("aws:kinesis", record.getEventSource());
    assertEquals("arn:aws:kinesis:EXAMPLE", record.getEventSourceARN());
    assertEquals("arn:aws:iam::EXAMPLE", record.getInvokeIdentityArn());
    assertEquals("eu-central-1", record.getAwsRegion());

    KinesisTimeWindowEvent window =
        readWindow(LambdaRuntime.event("java__kinesis_time_window_event.json"));
    assertEquals("2020-12-09T07:04:00Z", window.getWindow().getStart());
    assertEquals("2020-12-09T07:06:00Z", window.getWindow().getEnd());
    assertEquals(Map.of("1", "282", "2", "715"), window.getState());
    assertEquals("shardId-000000000006", window.getShardId());
    assertEquals("arn:aws:kinesis:us-east-1:123456789012:stream/lambda-stream",
        window.getEventSourceArn());
    assertEquals(false, window.getIsFinalInvokeForWindow());
    assertEquals(false, window.getIsWindowTerminatedEarly());
    assertEquals(new Date(1607497475000L),
        window.getRecords().get(0).getKinesis().getApproximateArrivalTimestamp());
  }

  @Test
  void arrivalTimesAreTruncatedToTheMillisecondAsTheRuntimeDoes() throws IOException {
    // 1545084650.987 * 1000 is 1545084650986.9999 in double arithmetic: the runtime keeps ...986.
    for (String seconds : List.of("1545084650.987", "1480641523.477", "1.607497475E9",
        "\"1545084711.166\"", "0", "0.0", "-1.5", "1e-4", "NaN", "\"soon\"", "true")) {
      byte[] event = utf8("{\"Records\": [{\"kinesis\": {\"approximateArrivalTimestamp\": "
          + seconds + "}}]}");
      assertSameEvent(LambdaRuntime.read(KinesisEvent.class, event), read(event), seconds);
    }
  }

  @Test
  void randomEventsReadLikeTheRuntimeReadsThem() throws IOException {
    Fuzz fuzz = new Fuzz(21);
    RandomRecords records = new RandomRecords(fuzz);
    for (int i = 0; i < 400; i++) {
      boolean window = fuzz.chance(50);
      byte[] event = fuzz.json(json -> {
        json.writeStartObject();
        if (fuzz.chance(90)) {
          json.writeArrayFieldStart("Records");
          for (int r = fuzz.between(0, 5); r > 0; r--) {
            if (fuzz.chance(3)) {
              json.writeNull();
            } else {
              records.kinesisRecord(json);
            }
          }
          json.writeEndArray();
        }
        if (window) {
          records.windowFields(json);
        }
        records.unknown(json);
        json.writeEndObject();
      });
      String what = "event " + i + ": " + new String(event, StandardCharsets.UTF_8);
      assertSameEvent(LambdaRuntime.read(KinesisEvent.class, event), read(event), what);
      assertSameEvent(LambdaRuntime.read(KinesisTimeWindowEvent.class, event), readWindow(event),
          what);
    }
  }

  @Test
  void oddButValidShapesReadLikeTheRuntimeReadsThem() throws IOException {
    for (String json : List.of(
        "{}",
        "{\"Records\": null}",
        "{\"Records\": [null, {}, {\"kinesis\": null}, {\"kinesis\": {}}]}",
        "{\"records\": [{}], \"Records\": [{\"eventSourceArn\": \"ignored\"}]}",
        "{\"Records\": [{\"kinesis\": {\"data\": \"\", \"partitionKey\": 7,"
            + " \"sequenceNumber\": 1.50, \"encryptionType\": true}}]}",
        "{\"Records\": [{\"kinesis\": {\"data\": \"AAE=\", \"data\": \"AQI=\"},"
            + " \"eventID\": \"a\", \"eventID\": \"b\"}]}",
        "{Records: [{'kinesis': {'data': 'SGk=', approximateArrivalTimestamp: 001.5},"
            + " \"eventName\": \"a\\qb\tc\"}]}",
        "{\"Records\": [{\"kinesis\": {\"data\": \"SGVs bG8=\"}}]}",
        "{\"Records\": [{\"kinesis\": {\"data\": \"SGVsbG8=\\r\\n\"}}]}",
        "{\"state\": {\"n\": 282, \"f\": 1.50, \"b\": false, \"z\": null}, \"window\": {},"
            + " \"eventSourceArn\": \"ignored\", \"isWindowTerminatedEarly\": true}")) {
      byte[] bytes = utf8(json);
      assertSameEvent(LambdaRuntime.read(KinesisEvent.class, bytes), read(bytes), json);
      assertSameEvent(LambdaRuntime.read(KinesisTimeWindowEvent.class, bytes), readWindow(bytes),
          json);
    }
    assertNull(read(utf8("null")));
    assertNull(readWindow(utf8("null")));
  }

  @Test
  void dataThatIsNotBase64FailsAsItFailsInTheRuntime() {
    for (String data : List.of("\"base64Str\"", "\"AA\"", "\"AA=\"", "\"A A E=\"", "\"AAE=x\"",
        "5", "[\"AAE=\"]", "{}")) {
      byte[] event = utf8("{\"Records\": [{\"kinesis\": {\"data\": " + data + "}}]}");
      assertThrows(UncheckedIOException.class,
          () -> LambdaRuntime.read(KinesisEvent.class, event), data);
      MalformedEventException failure =
          assertThrows(MalformedEventException.class, () -> read(event), data);
      assertTrue(failure.getMessage().startsWith("Malformed Kinesis event (line 1, column 35):"
          + " data "), failure.getMessage());
    }
    assertEquals("Malformed Kinesis event (line 1, column 35): data is not valid base64:"
        + " Unexpected end of base64-encoded String: base64 variant 'MIME-NO-LINEFEEDS' expects"
        + " padding (one or more '=' characters) at the end. This Base64Variant might have been"
        + " incorrectly configured", assertThrows(MalformedEventException.class, () -> read(
            utf8("{\"Records\": [{\"kinesis\": {\"data\": \"AA\"}}]}"))).getMessage());
  }

  @Test
  void shapesTheRuntimeCoercesAreErrorsWithAPosition() {
    for (String json : List.of(
        "{\"Records\": {}}",
        "{\"Records\": \"\"}",
        "{\"Records\": [\"\"]}",
        "{\"Records\": [{\"kinesis\": \"\"}]}",
        "{\"Records\": [{\"kinesis\": {\"approximateArrivalTimestamp\": [1]}}]}",
        "{\"Records\": [{\"eventID\": {\"a\": 1}}]}",
        "{\"isFinalInvokeForWindow\": \"true\"}")) {
      MalformedEventException failure =
          assertThrows(MalformedEventException.class, () -> readWindow(utf8(json)), json);
      assertTrue(failure.getMessage().startsWith("Malformed Kinesis event (line 1, column "),
          failure.getMessage());
    }
    assertEquals("Malformed Kinesis event (line 1, column 13): Records must be a JSON array,"
        + " found START_OBJECT", assertThrows(MalformedEventException.class,
            () -> read(utf8("{\"Records\": {}}"))).getMessage());
  }

  @Test
  void invalidJsonIsReportedWithItsPositionAndNothingIsReturned() {
    byte[] whole = LambdaRuntime.event("go__kinesis-event.json");
    byte[] truncated = java.util.Arrays.copyOf(whole, whole.length / 2);
    assertThrows(UncheckedIOException.class,
        () -> LambdaRuntime.read(KinesisEvent.class, truncated));
    MalformedEventException failure =
        assertThrows(MalformedEventException.class, () -> read(truncated));
    assertTrue(failure.getMessage().startsWith("Malformed Kinesis event (line "),
        failure.getMessage());
    assertTrue(failure.getMessage().contains("the event is not valid JSON: "),
        failure.getMessage());
    assertEquals("Malformed Kinesis event: the event is empty",
        assertThrows(MalformedEventException.class, () -> read(new byte[0])).getMessage());
    assertEquals("Malformed Kinesis event (line 1, column 1): the event must be a JSON object,"
        + " found START_ARRAY",
        assertThrows(MalformedEventException.class, () -> read(utf8("[]"))).getMessage());
  }
}
