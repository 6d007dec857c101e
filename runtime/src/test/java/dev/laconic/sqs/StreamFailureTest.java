package dev.laconic.sqs;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.LambdaDestinationEvent;
import dev.laconic.sqs.StreamFailure.BatchInfo;
import dev.laconic.sqs.StreamFailure.RequestContext;
import dev.laconic.sqs.StreamFailure.ResponseContext;
import dev.laconic.sqs.StreamFailure.Source;
import dev.laconic.stream.MalformedEventException;
import dev.laconic.testing.LambdaRuntime;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * On-failure invocation records of a DynamoDB stream mapping (a real one, from Powertools) and a
 * Kinesis mapping (AWS's documented example), read by {@link StreamFailure#fromJson}.
 */
class StreamFailureTest {

  static final String DYNAMODB = "powertools-python__dynamoStreamLambdaInvocationEvent.json";
  static final String KINESIS = "laconic__kinesis-on-failure-record.json";

  static String event(String file) {
    return new String(LambdaRuntime.event(file), StandardCharsets.UTF_8);
  }

  @Test
  void theRecordOfADynamoDbStreamMapping() {
    StreamFailure failure = StreamFailure.fromJson(event(DYNAMODB));
    assertEquals(new StreamFailure(
        Source.DYNAMODB,
        new RequestContext("316aa6d0-8154-xmpl-9af7-85d5f4a6bc81",
            "arn:aws:lambda:us-east-2:123456789012:function:myfunction",
            "RetryAttemptsExhausted", 1),
        new ResponseContext(200, "$LATEST", "Unhandled"),
        "1.0",
        Instant.parse("2019-11-14T00:13:49Z"),
        new BatchInfo("shardId-00000001573689847184-864758bb", "800000000003126276362",
            "800000000003126276362", Instant.parse("2019-11-14T00:13:19Z"),
            Instant.parse("2019-11-14T00:13:19Z"), 1,
            "arn:aws:dynamodb:us-east-2:123456789012:table/mytable/stream/"
                + "2019-11-14T00:04:06.388")),
        failure);
  }

  @Test
  void theRecordOfAKinesisMapping() {
    StreamFailure failure = StreamFailure.fromJson(event(KINESIS));
    assertEquals(Source.KINESIS, failure.source());
    assertEquals(new RequestContext("c9b8fa9f-5a7f-xmpl-af9c-0c604cde93a5",
        "arn:aws:lambda:us-east-2:123456789012:function:myfunction", "RetryAttemptsExhausted", 1),
        failure.requestContext());
    assertEquals(new ResponseContext(200, "$LATEST", "Unhandled"), failure.responseContext());
    assertEquals("1.0", failure.version());
    assertEquals(Instant.parse("2019-11-14T00:38:06.021Z"), failure.timestamp());
    assertEquals(new BatchInfo("shardId-000000000001",
        "49601189658422359378836298521827638475320189012309704722",
        "49601189658422359378836298522902373528957594348623495186",
        Instant.ofEpochMilli(1573691884835L), Instant.ofEpochMilli(1573691885580L), 500,
        "arn:aws:kinesis:us-east-2:123456789012:stream/mystream"), failure.batchInfo());
  }

  @Test
  void whatTheEventsLibraryKeepsOfTheRecordAgrees() {
    for (String file : List.of(DYNAMODB, KINESIS)) {
      LambdaDestinationEvent theirs =
          LambdaRuntime.read(LambdaDestinationEvent.class, LambdaRuntime.event(file));
      StreamFailure ours = StreamFailure.fromJson(event(file));
      assertEquals(theirs.getVersion(), ours.version());
      assertEquals(theirs.getTimestamp().getMillis(), ours.timestamp().toEpochMilli());
      assertEquals(theirs.getRequestContext().getRequestId(), ours.requestContext().requestId());
      assertEquals(theirs.getRequestContext().getFunctionArn(),
          ours.requestContext().functionArn());
      assertEquals(theirs.getRequestContext().getCondition(), ours.requestContext().condition());
      assertEquals(theirs.getRequestContext().getApproximateInvokeCount(),
          ours.requestContext().approximateInvokeCount());
      assertEquals(Map.of("statusCode", 200, "executedVersion", "$LATEST",
          "functionError", "Unhandled"), theirs.getResponseContext());
      // The batch info, the point of the record, has no place in LambdaDestinationEvent.
      assertTrue(Arrays.stream(LambdaDestinationEvent.class.getMethods())
          .noneMatch(method -> method.getName().contains("BatchInfo")));
      assertNull(theirs.getRequestPayload());
    }
  }

  @Test
  void missingTextsAndResponseAreNullAndUnknownFieldsIgnored() {
    StreamFailure failure = StreamFailure.fromJson("{\"requestContext\":"
        + " {\"approximateInvokeCount\": 3, \"extra\": [1]}, \"KinesisBatchInfo\":"
        + " {\"batchSize\": 2, \"future\": {\"a\": null}}, \"requestPayload\": {\"x\": 1}}");
    assertEquals(new StreamFailure(Source.KINESIS, new RequestContext(null, null, null, 3), null,
        null, null, new BatchInfo(null, null, null, null, null, 2, null)), failure);
    assertNull(StreamFailure.fromJson("{\"requestContext\": {\"approximateInvokeCount\": 1},"
        + " \"responseContext\": null, \"DDBStreamBatchInfo\": {\"batchSize\": 1}}")
        .responseContext());
    assertEquals(Instant.parse("2019-11-14T00:38:06.021Z"), StreamFailure.fromJson(
        "{\"requestContext\": {\"approximateInvokeCount\": 1}, \"DDBStreamBatchInfo\":"
            + " {\"batchSize\": 1}, \"timestamp\": \"2019-11-14T02:38:06.021+02:00\"}")
        .timestamp());
  }

  @Test
  void whatIsNotSuchARecordFailsWithAClearMessage() {
    String request = "\"requestContext\": {\"approximateInvokeCount\": 1}";
    String batch = "\"DDBStreamBatchInfo\": {\"batchSize\": 1}";
    Map<String, String> failures = Map.ofEntries(
        Map.entry("", "Malformed on-failure invocation record: the record is empty"),
        Map.entry("null", "Malformed on-failure invocation record (line 1, column 1): the record"
            + " must be a JSON object, found null"),
        Map.entry("[]", "Malformed on-failure invocation record (line 1, column 1): the record"
            + " must be a JSON object, found START_ARRAY"),
        Map.entry("{" + request + "}", "Malformed on-failure invocation record: the record has"
            + " neither DDBStreamBatchInfo nor KinesisBatchInfo; it is not the on-failure record"
            + " of a DynamoDB stream or Kinesis mapping"),
        Map.entry("{" + batch + "}",
            "Malformed on-failure invocation record: the record has no requestContext"),
        Map.entry("{" + request + ", " + batch + ", \"KinesisBatchInfo\": {\"batchSize\": 1}}",
            "Malformed on-failure invocation record (line 1, column 111): the record has both"
                + " DDBStreamBatchInfo and KinesisBatchInfo"),
        Map.entry("{\"requestContext\": {}, " + batch + "}", "Malformed on-failure invocation"
            + " record (line 1, column 21): requestContext.approximateInvokeCount is missing"),
        Map.entry("{" + request + ", \"DDBStreamBatchInfo\": {\"batchSize\": \"500\"}}",
            "Malformed on-failure invocation record (line 1, column 87):"
                + " DDBStreamBatchInfo.batchSize must be a whole number within an int, found"
                + " \"500\""),
        Map.entry("{" + request + ", \"KinesisBatchInfo\": {\"batchSize\": 1.5}}",
            "Malformed on-failure invocation record (line 1, column 85):"
                + " KinesisBatchInfo.batchSize must be a whole number within an int, found 1.5"),
        Map.entry("{" + request + ", " + batch + ", \"responseContext\": {}}",
            "Malformed on-failure invocation record (line 1, column 111):"
                + " responseContext.statusCode is missing"),
        Map.entry("{" + request + ", " + batch + ", \"timestamp\": \"yesterday\"}",
            "Malformed on-failure invocation record (line 1, column 104): timestamp"
                + " \"yesterday\" is not an ISO-8601 instant"),
        Map.entry("{" + request + ", " + batch + ", \"version\": [1]}",
            "Malformed on-failure invocation record (line 1, column 102): version must be a"
                + " string, found START_ARRAY"));
    assertAll(failures.entrySet().stream().map(failure -> () -> assertEquals(failure.getValue(),
        assertThrows(MalformedEventException.class,
            () -> StreamFailure.fromJson(failure.getKey())).getMessage(), failure.getKey())));
    String truncated = event(KINESIS).substring(0, 200);
    assertTrue(assertThrows(MalformedEventException.class,
        () -> StreamFailure.fromJson(truncated)).getMessage().contains(
            "the record is not valid JSON: Unexpected end-of-input"));
  }
}
