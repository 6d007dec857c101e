package dev.laconic.sqs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.MessageAttribute;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.laconic.stream.MalformedEventException;
import dev.laconic.testing.Fuzz;
import dev.laconic.testing.LambdaRuntime;
import dev.laconic.testing.RandomRecords;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SQS events read and batch responses written by {@link SqsEventJson} against the Lambda
 * runtime's own serializer: equal objects for every real event and for random ones, the same
 * failure for the real event the runtime rejects, the same bytes for every response.
 */
class SqsEventJsonTest {

  static SQSEvent read(byte[] json) throws IOException {
    return SqsEventJson.read(new ByteArrayInputStream(json));
  }

  static byte[] utf8(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  static void assertSameEvent(SQSEvent expected, SQSEvent actual, String what) {
    assertEquals(expected, actual, what);
    // toString shows the maps' order, which map equality ignores.
    assertEquals(expected.toString(), actual.toString(), what);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "go__sqs-event.json",
      "java__sqs_event_product.json",
      "powertools-java__sqs_fifo_event.json"})
  void realEventsReadLikeTheRuntimeReadsThem(String file) throws IOException {
    byte[] bytes = LambdaRuntime.event(file);
    assertSameEvent(LambdaRuntime.read(SQSEvent.class, bytes), read(bytes), file);
  }

  @Test
  void theFieldsOfARealEvent() throws IOException {
    SQSMessage message = read(LambdaRuntime.event("go__sqs-event.json")).getRecords().get(0);
    assertEquals("MessageID_1", message.getMessageId());
    assertEquals("MessageReceiptHandle", message.getReceiptHandle());
    assertEquals("Message Body", message.getBody());
    assertEquals("fce0ea8dd236ccb3ed9b37dae260836f", message.getMd5OfBody());
    assertEquals("582c92c5c5b6ac403040a4f3ab3115c9", message.getMd5OfMessageAttributes());
    assertEquals("arn:aws:sqs:us-west-2:123456789012:SQSQueue", message.getEventSourceArn());
    assertEquals("aws:sqs", message.getEventSource());
    assertEquals("us-west-2", message.getAwsRegion());
    assertEquals("2", message.getAttributes().get("ApproximateReceiveCount"));
    assertEquals(List.of("ApproximateReceiveCount", "SentTimestamp", "SenderId",
        "ApproximateFirstReceiveTimestamp"), List.copyOf(message.getAttributes().keySet()));
    MessageAttribute binary = message.getMessageAttributes().get("Attribute3");
    assertEquals(ByteBuffer.wrap(utf8("1100")), binary.getBinaryValue());
    assertEquals(List.of("abc", "123"), binary.getStringListValues());
    assertEquals(List.of(ByteBuffer.wrap(utf8("0")), ByteBuffer.wrap(utf8("1")),
        ByteBuffer.wrap(utf8("0"))), binary.getBinaryListValues());
    assertEquals("Binary", binary.getDataType());
    assertEquals("123", message.getMessageAttributes().get("Attribute2").getStringValue());

    SQSMessage fifo = read(LambdaRuntime.event("powertools-java__sqs_fifo_event.json"))
        .getRecords().get(2);
    assertEquals("groupA", fifo.getAttributes().get("MessageGroupId"));
    assertEquals("{\n  \"id\": 123456,\n  \"name\": \"product6\",\n  \"price\": 46\n}",
        fifo.getBody());
  }

  @Test
  void theEventWithAnAttributeThatIsNotBase64FailsAsInTheRuntime() throws IOException {
    byte[] bytes = LambdaRuntime.event("powertools-python__sqsEvent.json");
    UncheckedIOException runtime = assertThrows(UncheckedIOException.class,
        () -> LambdaRuntime.read(SQSEvent.class, bytes));
    assertTrue(runtime.getMessage().contains("Failed to decode VALUE_STRING as base64"),
        runtime.getMessage());
    MalformedEventException ours = assertThrows(MalformedEventException.class, () -> read(bytes));
    assertEquals("Malformed SQS event (line 16, column 26): binaryValue is not valid base64:"
        + " Failed to decode VALUE_STRING as base64 (MIME-NO-LINEFEEDS): Illegal character '\"'"
        + " (code 0x22) in base64 content", ours.getMessage());
    // With that attribute written as base64, the rest of the file reads as the runtime reads it.
    byte[] fixed = utf8(new String(bytes, StandardCharsets.UTF_8)
        .replace("\"base64Str\"", "\"YmFzZTY0U3Ry\""));
    assertSameEvent(LambdaRuntime.read(SQSEvent.class, fixed), read(fixed), "fixed");
  }

  @Test
  void randomEventsReadLikeTheRuntimeReadsThem() throws IOException {
    Fuzz fuzz = new Fuzz(41);
    RandomRecords records = new RandomRecords(fuzz);
    for (int i = 0; i < 400; i++) {
      byte[] event = fuzz.json(json -> {
        json.writeStartObject();
        if (fuzz.chance(90)) {
          json.writeArrayFieldStart("Records");
          for (int r = fuzz.between(0, 5); r > 0; r--) {
            if (fuzz.chance(3)) {
              json.writeNull();
            } else {
              records.sqsMessage(json);
            }
          }
          json.writeEndArray();
        }
        records.unknown(json);
        json.writeEndObject();
      });
      assertSameEvent(LambdaRuntime.read(SQSEvent.class, event), read(event),
          "event " + i + ": " + new String(event, StandardCharsets.UTF_8));
    }
  }

  @Test
  void oddButValidShapesReadLikeTheRuntimeReadsThem() throws IOException {
    for (String json : List.of(
        "{}",
        "{\"Records\": null}",
        "{\"Records\": [null, {}]}",
        "{\"Records\": [{\"eventSourceArn\": \"ignored\", \"eventSourceARN\": \"kept\"}]}",
        "{\"Records\": [{\"attributes\": {\"n\": 1, \"f\": 1.50, \"b\": true, \"z\": null},"
            + " \"messageAttributes\": {\"a\": null, \"b\": {}}}]}",
        "{\"Records\": [{\"messageAttributes\": {\"a\": {\"stringListValues\": [null, 1],"
            + " \"binaryListValues\": [null, \"\"], \"binaryValue\": null, \"x\": [1]}}}]}",
        "{\"Records\": [{\"messageId\": \"1\", \"messageId\": \"2\", \"body\": 12.50,"
            + " \"attributes\": {\"k\": \"1\", \"k\": \"2\"}}]}",
        "{Records: [{'body': 'single', messageId: 'x\\qy'}]}")) {
      byte[] bytes = utf8(json);
      assertSameEvent(LambdaRuntime.read(SQSEvent.class, bytes), read(bytes), json);
    }
    assertNull(read(utf8("null")));
  }

  @Test
  void shapesTheRuntimeCoercesAreErrorsWithAPosition() {
    for (String json : List.of(
        "{\"Records\": {}}",
        "{\"Records\": [\"\"]}",
        "{\"Records\": [{\"attributes\": \"\"}]}",
        "{\"Records\": [{\"attributes\": {\"a\": [\"b\"]}}]}",
        "{\"Records\": [{\"messageAttributes\": {\"a\": \"\"}}]}",
        "{\"Records\": [{\"messageAttributes\": {\"a\": {\"stringListValues\": \"b\"}}}]}",
        "{\"Records\": [{\"body\": {\"a\": 1}}]}")) {
      MalformedEventException failure =
          assertThrows(MalformedEventException.class, () -> read(utf8(json)), json);
      assertTrue(failure.getMessage().startsWith("Malformed SQS event (line 1, column "),
          failure.getMessage());
    }
    assertEquals("Malformed SQS event (line 1, column 23): body must be a string, found"
        + " START_OBJECT", assertThrows(MalformedEventException.class,
            () -> read(utf8("{\"Records\": [{\"body\": {\"a\": 1}}]}"))).getMessage());
    assertTrue(assertThrows(MalformedEventException.class,
        () -> read(utf8("{\"Records\": [{\"body\": \"unterminated}]}"))).getMessage()
        .contains("the event is not valid JSON"));
  }

  @Test
  void responsesAreTheBytesTheRuntimeWrites() throws IOException {
    List<SQSBatchResponse> responses = new ArrayList<>(Arrays.asList(
        null,
        new SQSBatchResponse(),
        new SQSBatchResponse(List.of()),
        new SQSBatchResponse(List.of(new BatchItemFailure("059f36b4-87a3-44ab-83d2-661975830a7d"))),
        new SQSBatchResponse(Arrays.asList(new BatchItemFailure(null), null,
            new BatchItemFailure("a\"b\\c\u00e9\n\u2028\u0000")))));
    Fuzz fuzz = new Fuzz(42);
    for (int i = 0; i < 200; i++) {
      List<BatchItemFailure> failures = fuzz.chance(10) ? null : new ArrayList<>();
      for (int f = fuzz.between(0, 4); failures != null && f > 0; f--) {
        failures.add(fuzz.chance(5) ? null
            : new BatchItemFailure(fuzz.chance(10) ? null : fuzz.text()));
      }
      responses.add(new SQSBatchResponse(failures));
    }
    for (SQSBatchResponse response : responses) {
      ByteArrayOutputStream ours = new ByteArrayOutputStream();
      SqsEventJson.write(response, ours);
      assertArrayEquals(LambdaRuntime.write(response), ours.toByteArray(),
          () -> response + " gave " + ours.toString(StandardCharsets.UTF_8));
    }
    ByteArrayOutputStream one = new ByteArrayOutputStream();
    SqsEventJson.write(new SQSBatchResponse(List.of(new BatchItemFailure("id-1"))), one);
    assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":\"id-1\"}]}",
        one.toString(StandardCharsets.UTF_8));
  }

  @Test
  void theMessagesAttributesKeepTheirOrderAndNulls() throws IOException {
    SQSMessage message = read(utf8("{\"Records\": [{\"attributes\": {\"b\": \"1\", \"a\": null},"
        + " \"messageAttributes\": {\"z\": null, \"y\": {\"dataType\": \"String\"}}}]}"))
        .getRecords().get(0);
    assertEquals("{b=1, a=null}", message.getAttributes().toString());
    assertEquals(List.of("z", "y"), List.copyOf(message.getMessageAttributes().keySet()));
    assertTrue(message.getMessageAttributes().containsKey("z"));
    assertEquals(Map.of("dataType", "String").get("dataType"),
        message.getMessageAttributes().get("y").getDataType());
  }
}
