package com.example.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import dev.laconic.stream.MalformedEventException;
import dev.laconic.stream.StreamEventJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated adapters' own reading of events and writing of responses against the Lambda
 * runtime's serializer: for every real sample event and for generated events covering every
 * attribute type, both build equal objects; responses are the same bytes.
 */
class FastPathEventsTest {

  static DynamodbEvent fast(byte[] json) throws IOException {
    return StreamEventJson.read(new ByteArrayInputStream(json));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("com.example.orders.LambdaRuntimeEvents#dynamodbEvents")
  void realEventsReadLikeTheRuntimeReadsThem(String file) throws IOException {
    byte[] bytes = LambdaRuntimeEvents.bytes(file);
    DynamodbEvent official = LambdaRuntimeEvents.dynamodbEvent(bytes);
    DynamodbEvent ours = fast(bytes);
    assertEquals(official, ours);
    assertEquals(official.toString(), ours.toString(), "same maps in the same order");
  }

  @Test
  void theSingleRecordFileReadsAsAnEventWithoutRecords() throws IOException {
    byte[] bytes = LambdaRuntimeEvents.bytes(LambdaRuntimeEvents.SINGLE_RECORD);
    assertEquals(LambdaRuntimeEvents.dynamodbEvent(bytes), fast(bytes));
  }

  @Test
  void generatedEventsOfEveryAttributeTypeReadLikeTheRuntimeReadsThem() throws IOException {
    Random random = new Random(5);
    for (int i = 0; i < 200; i++) {
      AllTypesSamples.Sample sample = AllTypesSamples.next(random);
      byte[] event = DynamoJson.event(List.of(
          DynamoJson.record("INSERT", "1" + i, DynamoJson.item(Map.of("pk", DynamoJson.s("k"))),
              sample.image(), null),
          DynamoJson.record("MODIFY", "2" + i, DynamoJson.item(Map.of("pk", DynamoJson.s("k"))),
              sample.image(), sample.image())));
      assertEquals(LambdaRuntimeEvents.dynamodbEvent(event), fast(event), "sample " + i);
    }
  }

  @Test
  void oddButValidShapesReadLikeTheRuntimeReadsThem() throws IOException {
    for (String json : List.of(
        "{}",
        "{\"Records\": null}",
        "{\"Records\": []}",
        "{\"Records\": [{}], \"extra\": {\"a\": [1, 2]}}",
        "{\"Records\": [{\"dynamodb\": {\"ApproximateCreationDateTime\": 0,"
            + " \"SizeBytes\": \"54\", \"Keys\": {\"k\": {\"N\": 5}}}}]}",
        "{Records: [{'eventID': 'single', \"eventName\": \"a\\qb\tc\",\n"
            + " \"dynamodb\": {\"SizeBytes\": 007, \"ApproximateCreationDateTime\": NaN}}]}",
        "{\"Records\": [{\"dynamodb\": {\"ApproximateCreationDateTime\": 1.5E9,"
            + " \"NewImage\": {\"a\": {\"S\": \"x\", \"N\": \"1\"}, \"b\": {\"L\": [], \"M\": {}},"
            + " \"c\": {\"NULL\": false}}}}]}")) {
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      assertEquals(LambdaRuntimeEvents.dynamodbEvent(bytes), fast(bytes), json);
    }
    assertNull(fast("null".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void malformedJsonNamesThePositionAndReadsNothing() {
    byte[] bytes = LambdaRuntimeEvents.bytes(LambdaRuntimeEvents.MALFORMED);
    MalformedEventException failure = assertThrows(MalformedEventException.class,
        () -> fast(bytes));
    assertTrue(failure.getMessage().startsWith("Malformed DynamoDB stream event (line "),
        failure.getMessage());
    assertTrue(failure.getMessage().contains("the event is not valid JSON"),
        failure.getMessage());
    byte[] truncated = Arrays.copyOf(LambdaRuntimeEvents.bytes("java__dynamo_event.json"), 500);
    assertThrows(MalformedEventException.class, () -> fast(truncated));
    assertEquals("Malformed DynamoDB stream event (line 1, column 13): Records must be a JSON"
        + " array, found START_OBJECT", assertThrows(MalformedEventException.class,
            () -> fast("{\"Records\": {}}".getBytes(StandardCharsets.UTF_8))).getMessage());
  }

  @Test
  void responsesAreTheBytesTheRuntimeWrites() throws IOException {
    List<StreamsEventResponse> responses = new ArrayList<>();
    responses.add(null);
    responses.add(new StreamsEventResponse(List.of()));
    responses.add(new StreamsEventResponse(null));
    responses.add(new StreamsEventResponse(List.of(new BatchItemFailure("4421584500000000017450439092"))));
    responses.add(new StreamsEventResponse(List.of(new BatchItemFailure(null),
        new BatchItemFailure("a\"b\\c\u00e9\n"))));
    for (StreamsEventResponse response : responses) {
      ByteArrayOutputStream ours = new ByteArrayOutputStream();
      StreamEventJson.write(response, ours);
      ByteArrayOutputStream runtime = new ByteArrayOutputStream();
      if (response == null) {
        runtime.writeBytes("null".getBytes(StandardCharsets.UTF_8));
      } else {
        LambdaRuntimeEvents.responseSerializer().toJson(response, runtime);
      }
      assertEquals(runtime.toString(StandardCharsets.UTF_8), ours.toString(StandardCharsets.UTF_8));
    }
  }
}
