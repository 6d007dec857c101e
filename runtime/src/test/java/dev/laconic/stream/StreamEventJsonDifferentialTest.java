package dev.laconic.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbTimeWindowEvent;
import com.amazonaws.services.lambda.runtime.events.TimeWindowEventResponse;
import com.amazonaws.services.lambda.runtime.events.TimeWindowEventResponse.BatchItemFailure;
import dev.laconic.testing.Fuzz;
import dev.laconic.testing.LambdaRuntime;
import dev.laconic.testing.RandomRecords;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DynamoDB stream events and tumbling-window events read by {@link StreamEventJson}, and window
 * responses written by {@link TimeWindowJson}, against the Lambda runtime's own serializer: equal
 * objects for every real event and for random ones, the same bytes for every response.
 */
class StreamEventJsonDifferentialTest {

  static DynamodbEvent read(byte[] json) throws IOException {
    return StreamEventJson.read(new ByteArrayInputStream(json));
  }

  static DynamodbTimeWindowEvent readWindow(byte[] json) throws IOException {
    return StreamEventJson.readWindow(new ByteArrayInputStream(json));
  }

  static void assertSameWindowEvent(DynamodbTimeWindowEvent expected,
      DynamodbTimeWindowEvent actual, String what) {
    assertEquals(expected, actual, what);
    // Lombok's toString leaves the records out; the records' own shows the maps' order.
    assertEquals(expected.toString(), actual.toString(), what);
    assertEquals(String.valueOf(expected.getRecords()), String.valueOf(actual.getRecords()), what);
    assertEquals(String.valueOf(expected.getState()), String.valueOf(actual.getState()), what);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "dotnet__dynamodb-event.json",
      "go__dynamodb-event.json",
      "go__dynamodb-time-window-event.json",
      "java__dynamo_event.json",
      "java__dynamo_event_roundtrip.json",
      "java__dynamo_time_window_event.json",
      "powertools-java__dynamo_event.json",
      "powertools-java__dynamo_event_big.json"})
  void realEventsReadLikeTheRuntimeReadsThem(String file) throws IOException {
    byte[] bytes = LambdaRuntime.event(file);
    DynamodbEvent event = read(bytes);
    assertEquals(LambdaRuntime.read(DynamodbEvent.class, bytes), event);
    assertEquals(LambdaRuntime.read(DynamodbEvent.class, bytes).toString(), event.toString());
    assertSameWindowEvent(LambdaRuntime.read(DynamodbTimeWindowEvent.class, bytes),
        readWindow(bytes), file);
  }

  @Test
  void theWindowOfARealEventIsRead() throws IOException {
    DynamodbTimeWindowEvent event =
        readWindow(LambdaRuntime.event("go__dynamodb-time-window-event.json"));
    assertEquals("2020-07-30T17:00:00Z", event.getWindow().getStart());
    assertEquals("2020-07-30T17:05:00Z", event.getWindow().getEnd());
    assertEquals(Map.of("1", "state1"), event.getState());
    assertEquals("shard123456789", event.getShardId());
    assertEquals("stream-ARN", event.getEventSourceArn());
    assertEquals(false, event.getIsFinalInvokeForWindow());
    assertEquals(false, event.getIsWindowTerminatedEarly());
    assertEquals(3, event.getRecords().size());
  }

  @Test
  void randomWindowEventsReadLikeTheRuntimeReadsThem() throws IOException {
    Fuzz fuzz = new Fuzz(11);
    RandomRecords records = new RandomRecords(fuzz);
    for (int i = 0; i < 300; i++) {
      byte[] event = fuzz.json(json -> {
        json.writeStartObject();
        if (fuzz.chance(90)) {
          json.writeArrayFieldStart("Records");
          int count = fuzz.between(0, 4);
          for (int r = 0; r < count; r++) {
            records.dynamodbRecord(json);
          }
          json.writeEndArray();
        }
        records.windowFields(json);
        records.unknown(json);
        json.writeEndObject();
      });
      String what = "event " + i + ": " + new String(event, StandardCharsets.UTF_8);
      assertSameWindowEvent(LambdaRuntime.read(DynamodbTimeWindowEvent.class, event),
          readWindow(event), what);
      assertEquals(LambdaRuntime.read(DynamodbEvent.class, event), read(event), what);
    }
  }

  @Test
  void oddButValidWindowShapesReadLikeTheRuntimeReadsThem() throws IOException {
    for (String json : List.of(
        "{}",
        "{\"window\": null, \"state\": null, \"isFinalInvokeForWindow\": null}",
        "{\"state\": {\"n\": 282, \"f\": 1.50, \"b\": true, \"z\": null, \"e\": \"\"}}",
        "{\"state\": {\"a\": \"1\", \"a\": \"2\", \"b\": \"3\"}}",
        "{\"eventSourceArn\": \"ignored\", \"eventSourceARN\": \"kept\", \"Window\": {}}",
        "{\"window\": {\"start\": 5, \"end\": true, \"length\": 3}, \"shardId\": 7}",
        "{'window': {start: 'a'}, isFinalInvokeForWindow: true, isWindowTerminatedEarly: false}",
        "{\"isFinalInvokeForWindow\": true, \"isFinalInvokeForWindow\": false}",
        "{\"Records\": [], \"state\": {}, \"window\": {}}")) {
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      assertSameWindowEvent(LambdaRuntime.read(DynamodbTimeWindowEvent.class, bytes),
          readWindow(bytes), json);
    }
    assertNull(readWindow("null".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void shapesTheRuntimeCoercesAreErrorsWithAPosition() {
    for (String json : List.of(
        "{\"window\": \"\"}",
        "{\"window\": []}",
        "{\"state\": [\"a\"]}",
        "{\"state\": {\"a\": {\"b\": 1}}}",
        "{\"state\": {\"a\": [\"b\"]}}",
        "{\"isFinalInvokeForWindow\": \"true\"}",
        "{\"isWindowTerminatedEarly\": 1}",
        "{\"shardId\": {}}")) {
      MalformedEventException failure = assertThrows(MalformedEventException.class,
          () -> readWindow(json.getBytes(StandardCharsets.UTF_8)), json);
      assertTrue(failure.getMessage().startsWith("Malformed DynamoDB stream event (line 1, "),
          failure.getMessage());
    }
    assertEquals("Malformed DynamoDB stream event (line 1, column 28): isFinalInvokeForWindow"
        + " must be true or false, found VALUE_STRING", assertThrows(
            MalformedEventException.class, () -> readWindow(
                "{\"isFinalInvokeForWindow\": \"yes\"}".getBytes(StandardCharsets.UTF_8)))
        .getMessage());
  }

  @Test
  void malformedWindowEventsFailAsTheRuntimeFails() {
    byte[] malformed = LambdaRuntime.event("go__dynamodb-event-malformed.2.json");
    assertThrows(UncheckedIOException.class,
        () -> LambdaRuntime.read(DynamodbTimeWindowEvent.class, malformed));
    MalformedEventException failure =
        assertThrows(MalformedEventException.class, () -> readWindow(malformed));
    assertTrue(failure.getMessage().contains("the event is not valid JSON"),
        failure.getMessage());
    assertTrue(assertThrows(MalformedEventException.class, () -> readWindow(new byte[0]))
        .getMessage().endsWith("the event is empty"));
  }

  @Test
  void windowResponsesAreTheBytesTheRuntimeWrites() throws IOException {
    Map<String, String> withNulls = new LinkedHashMap<>();
    withNulls.put("kept", "1");
    withNulls.put("dropped", null);
    withNulls.put("escaped \"\\\n\t\u0001\u2028é😀", "value \"\\\u0000\u007f");
    Map<String, String> nullKeyWithoutValue = new HashMap<>();
    nullKeyWithoutValue.put(null, null);
    nullKeyWithoutValue.put("a", "b");
    List<TimeWindowEventResponse> responses = new ArrayList<>(Arrays.asList(
        null,
        new TimeWindowEventResponse(),
        new TimeWindowEventResponse(Map.of(), List.of()),
        new TimeWindowEventResponse(new TreeMap<>(Map.of("1", "282", "2", "715")), null),
        new TimeWindowEventResponse(null, List.of(new BatchItemFailure("4959033827149025660"))),
        new TimeWindowEventResponse(withNulls, Arrays.asList(new BatchItemFailure(null), null,
            new BatchItemFailure("a\"b\\c\u00e9\n"))),
        new TimeWindowEventResponse(nullKeyWithoutValue, List.of())));
    Fuzz fuzz = new Fuzz(12);
    for (int i = 0; i < 200; i++) {
      Map<String, String> state = fuzz.chance(10) ? null : new LinkedHashMap<>();
      for (int e = fuzz.between(0, 5); state != null && e > 0; e--) {
        state.put(fuzz.text(), fuzz.chance(10) ? null : fuzz.text());
      }
      List<BatchItemFailure> failures = fuzz.chance(20) ? null : new ArrayList<>();
      for (int f = fuzz.between(0, 3); failures != null && f > 0; f--) {
        failures.add(fuzz.chance(5) ? null
            : new BatchItemFailure(fuzz.chance(10) ? null : fuzz.text()));
      }
      responses.add(new TimeWindowEventResponse(state, failures));
    }
    for (TimeWindowEventResponse response : responses) {
      ByteArrayOutputStream ours = new ByteArrayOutputStream();
      TimeWindowJson.write(response, ours);
      assertArrayEquals(LambdaRuntime.write(response), ours.toByteArray(),
          () -> String.valueOf(response) + " gave " + ours.toString(StandardCharsets.UTF_8));
    }
  }

  @Test
  void aStateKeyThatIsNullFailsAsItFailsInTheRuntime() {
    Map<String, String> state = new HashMap<>();
    state.put(null, "value");
    TimeWindowEventResponse response = new TimeWindowEventResponse(state, null);
    assertThrows(UncheckedIOException.class, () -> LambdaRuntime.write(response));
    IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
        () -> TimeWindowJson.write(response, new ByteArrayOutputStream()));
    assertEquals("The window state has a null key (with value \"value\"); a JSON object cannot"
        + " have one.", failure.getMessage());
  }
}
