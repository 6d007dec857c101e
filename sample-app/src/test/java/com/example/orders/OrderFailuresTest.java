package com.example.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code OrderFailures.report}, the consumer of the on-failure queue, on the records Lambda
 * really sends there: the real on-failure record of a DynamoDB stream mapping and the documented
 * one of a Kinesis mapping, each the body of a message of a real SQS event. Each event goes
 * through the generated adapter as Lambda calls it (bytes in, bytes out) and through the Lambda
 * runtime's own serializer, with the same response bytes and the same log.
 */
class OrderFailuresTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static final String DYNAMODB_RECORD = "powertools-python__dynamoStreamLambdaInvocationEvent.json";
  static final String KINESIS_RECORD = "laconic__kinesis-on-failure-record.json";
  /** A real SQS event of a standard queue; its messages carry the records. */
  static final String ENVELOPE = "java__sqs_event_product.json";

  @Test
  void aDynamoDbStreamBatchIsReportedWithTheCommandThatReadsItAgain() throws IOException {
    Run run = bothPaths(messages(text(DYNAMODB_RECORD)));
    assertEquals("{\"batchItemFailures\":[]}", run.response());
    assertEquals(List.of(
        "SKIPPED 1 record(s) of arn:aws:dynamodb:us-east-2:123456789012:table/mytable/stream/"
            + "2019-11-14T00:04:06.388, shard shardId-00000001573689847184-864758bb, sequence"
            + " numbers 800000000003126276362 to 800000000003126276362: RetryAttemptsExhausted"
            + " after 1 invocation(s) of arn:aws:lambda:us-east-2:123456789012:function:myfunction",
        "RE-READ before 2019-11-15T00:13:19Z: aws dynamodbstreams get-shard-iterator --region"
            + " us-east-2 --stream-arn arn:aws:dynamodb:us-east-2:123456789012:table/mytable/"
            + "stream/2019-11-14T00:04:06.388 --shard-id shardId-00000001573689847184-864758bb"
            + " --shard-iterator-type AT_SEQUENCE_NUMBER --sequence-number 800000000003126276362,"
            + " then get-records up to sequence number 800000000003126276362"), run.log());
  }

  @Test
  void aKinesisBatchIsReportedWithTheKinesisCommand() throws IOException {
    Run run = bothPaths(messages(text(KINESIS_RECORD)));
    assertEquals("{\"batchItemFailures\":[]}", run.response());
    assertEquals(List.of(
        "SKIPPED 500 record(s) of arn:aws:kinesis:us-east-2:123456789012:stream/mystream, shard"
            + " shardId-000000000001, sequence numbers"
            + " 49601189658422359378836298521827638475320189012309704722 to"
            + " 49601189658422359378836298522902373528957594348623495186: RetryAttemptsExhausted"
            + " after 1 invocation(s) of arn:aws:lambda:us-east-2:123456789012:function:myfunction",
        "RE-READ before 2019-11-15T00:38:04.835Z: aws kinesis get-shard-iterator --region"
            + " us-east-2 --stream-arn arn:aws:kinesis:us-east-2:123456789012:stream/mystream"
            + " --shard-id shardId-000000000001 --shard-iterator-type AT_SEQUENCE_NUMBER"
            + " --starting-sequence-number"
            + " 49601189658422359378836298521827638475320189012309704722, then get-records up to"
            + " sequence number"
            + " 49601189658422359378836298522902373528957594348623495186"), run.log());
  }

  @Test
  void aMessageThatIsNoOnFailureRecordFailsAloneByItsMessageId() throws IOException {
    // The envelope's own body, a product, stands for anything else sent to the queue.
    String product = JSON.readTree(LambdaRuntimeEvents.bytes(ENVELOPE))
        .at("/Records/0/body").asText();
    byte[] event = messages(text(DYNAMODB_RECORD), product, text(KINESIS_RECORD));
    String poison = JSON.readTree(event).at("/Records/1/messageId").asText();

    Run run = bothPaths(event);
    assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":\"" + poison + "\"}]}",
        run.response(), "a standard queue: only the failed message comes back");
    assertEquals(2, run.log().stream().filter(line -> line.startsWith("SKIPPED ")).count(),
        "the messages before and after it are handled: " + run.log());
    assertTrue(run.log().stream().anyMatch(line -> line.contains(poison)
        && line.contains("neither DDBStreamBatchInfo nor KinesisBatchInfo")), run.log().toString());
  }

  @Test
  void anEventWithoutMessagesAnswersNoFailures() throws IOException {
    assertEquals("{\"batchItemFailures\":[]}",
        bothPaths("{\"Records\": []}".getBytes(StandardCharsets.UTF_8)).response());
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
    new Laconic_OrderFailures_report().handleRequest(new ByteArrayInputStream(event), out,
        streamed);

    TestContext deserialized = new TestContext("request-1");
    SQSBatchResponse response = new Laconic_OrderFailures_report().handle(
        LambdaRuntimeEvents.runtimeSerializerFor(SQSEvent.class)
            .fromJson(new ByteArrayInputStream(event)), deserialized);
    ByteArrayOutputStream runtime = new ByteArrayOutputStream();
    LambdaRuntimeEvents.runtimeSerializerFor(SQSBatchResponse.class).toJson(response, runtime);

    assertEquals(runtime.toString(StandardCharsets.UTF_8), out.toString(StandardCharsets.UTF_8));
    assertEquals(deserialized.logLinesWithoutFrames(), streamed.logLinesWithoutFrames());
    return new Run(out.toString(StandardCharsets.UTF_8), streamed.logLinesWithoutFrames());
  }

  /**
   * A real SQS event with one message per body, each a copy of the envelope's message with its
   * own id and the body's MD5, from the sample's on-failure queue.
   */
  static byte[] messages(String... bodies) throws IOException {
    ObjectNode envelope = (ObjectNode) JSON.readTree(LambdaRuntimeEvents.bytes(ENVELOPE));
    JsonNode message = envelope.get("Records").get(0);
    ArrayNode records = envelope.putArray("Records");
    for (String body : bodies) {
      ObjectNode copy = message.deepCopy();
      copy.put("messageId", UUID.nameUUIDFromBytes(body.getBytes(StandardCharsets.UTF_8))
          .toString());
      copy.put("body", body);
      copy.put("md5OfBody", HexFormat.of().formatHex(md5(body)));
      copy.put("eventSourceARN", "arn:aws:sqs:eu-central-1:123456789012:"
          + "laconic-sample-OrderStreamFailures-ABC123");
      records.add(copy);
    }
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(envelope);
  }

  /** A test file's text, exactly as it is: the body SQS delivers is the record's JSON text. */
  static String text(String file) {
    return new String(LambdaRuntimeEvents.bytes(file), StandardCharsets.UTF_8);
  }

  private static byte[] md5(String text) {
    try {
      return MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
