package dev.laconic.snapstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.DynamodbTimeWindowEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisTimeWindowEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.laconic.kinesis.KinesisDynamoRecords;
import dev.laconic.kinesis.KinesisEventJson;
import dev.laconic.sqs.SqsEventJson;
import dev.laconic.sqs.StreamFailure;
import dev.laconic.stream.StreamEventJson;
import dev.laconic.stream.TimeWindowJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The synthetic events are events: the Laconic readers and the Lambda runtime's own serializer
 * read them alike, so priming takes the path a real event takes.
 */
class SyntheticEventsTest {

  @Test
  void dynamoDbEventHasAnInsertAModifyAndARemoveReadAsTheRuntimeReadsThem() throws IOException {
    DynamodbEvent event = StreamEventJson.read(SyntheticEvents.dynamoDb());
    DynamodbEvent official = official(SyntheticEvents.dynamoDb(), DynamodbEvent.class);

    assertEquals(List.of("INSERT", "MODIFY", "REMOVE"),
        event.getRecords().stream().map(DynamodbStreamRecord::getEventName).toList());
    SyntheticEvents.readAll(event);
    assertEquals(official, event);
    assertNull(event.getRecords().get(0).getDynamodb().getOldImage());
    assertNull(event.getRecords().get(2).getDynamodb().getNewImage());
    assertEquals(10, event.getRecords().get(1).getDynamodb().getNewImage().size());
  }

  @Test
  void windowEventsCarryAWindowAndAState() throws IOException {
    DynamodbTimeWindowEvent dynamo = StreamEventJson.readWindow(SyntheticEvents.dynamoDbWindow());
    assertEquals(3, dynamo.getRecords().size());
    assertEquals("1", dynamo.getState().get("count"));
    KinesisTimeWindowEvent kinesis = KinesisEventJson.readWindow(SyntheticEvents.kinesisWindow());
    assertEquals(1, kinesis.getRecords().size());
    assertNotNull(kinesis.getWindow());
  }

  @Test
  void kinesisEventsCarryThePayloadAndDynamoDbChangeRecords() throws IOException {
    KinesisEvent event = KinesisEventJson.read(SyntheticEvents.kinesis("{\"a\":1}"));
    assertEquals("{\"a\":1}",
        StandardCharsets.UTF_8.decode(event.getRecords().get(0).getKinesis().getData().duplicate()).toString());
    assertEquals(official(SyntheticEvents.kinesis("{\"a\":1}"), KinesisEvent.class), event);

    KinesisEvent changes = KinesisEventJson.read(
        SyntheticEvents.kinesisDynamoDb(SyntheticEvents.DEFAULT_KEYS, SyntheticEvents.DEFAULT_ITEM));
    assertEquals(List.of("INSERT", "MODIFY", "REMOVE"), changes.getRecords().stream()
        .map(r -> KinesisDynamoRecords.toStreamRecord(r).getEventName()).toList());
  }

  @Test
  void sqsEventCarriesTheBodyAndAStreamFailureBodyReads() throws IOException {
    String body = "{\"quote\":\"\\\"\\n\"}";
    SQSEvent event = SqsEventJson.read(SyntheticEvents.sqs(body));
    assertEquals(body, event.getRecords().get(0).getBody());
    assertEquals(official(SyntheticEvents.sqs(body), SQSEvent.class), event);
    assertEquals("shardId-000000000001",
        StreamFailure.fromJson(SyntheticEvents.streamFailureBody()).batchInfo().shardId());
  }

  @Test
  void responsesWriteAsTheRuntimeWritesThem() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StreamEventJson.write(SyntheticEvents.streamsResponse(), out);
    assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":\"1\"}]}", out.toString());
    out.reset();
    SqsEventJson.write(SyntheticEvents.sqsResponse(), out);
    assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":\"1\"}]}", out.toString());
    out.reset();
    TimeWindowJson.write(SyntheticEvents.windowResponse(), out);
    assertNotNull(out.toString());
  }

  private static <T> T official(InputStream json, Class<T> type) throws IOException {
    return LambdaEventSerializers.serializerFor(type, SyntheticEventsTest.class.getClassLoader())
        .fromJson(json);
  }
}
