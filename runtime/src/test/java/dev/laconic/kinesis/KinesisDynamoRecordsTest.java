package dev.laconic.kinesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent.KinesisEventRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import dev.laconic.stream.AttributePath;
import dev.laconic.stream.Attributes;
import dev.laconic.stream.MalformedEventException;
import dev.laconic.stream.StreamChange;
import dev.laconic.stream.StreamEventJson;
import dev.laconic.stream.StreamRecords;
import dev.laconic.testing.Fuzz;
import dev.laconic.testing.LambdaRuntime;
import dev.laconic.testing.RandomRecords;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Kinesis records written by Kinesis Data Streams for DynamoDB, turned into DynamoDB stream
 * records: the real Powertools event, the same changes delivered through a DynamoDB stream, random
 * changes against the Lambda runtime's reading of the same change in a stream event, and data
 * that is no change record.
 */
class KinesisDynamoRecordsTest {

  static final String KINESIS_EVENT = "powertools-ts__dynamodb-stream.json";
  static final String STREAM_EVENT = "laconic__dynamodb-stream-same-changes.json";

  /** The item of the real events, mapped as a generated mapper would. */
  record Item(String id, String data) {
    static Item from(Map<String, AttributeValue> image) {
      AttributePath path = AttributePath.root("item");
      return new Item(Attributes.readString(image.get("id"), path.child("id")),
          Attributes.readString(image.get("data"), path.child("data")));
    }
  }

  static List<KinesisEventRecord> kinesisRecords(String file) throws IOException {
    return KinesisEventJson.read(new ByteArrayInputStream(LambdaRuntime.event(file)))
        .getRecords();
  }

  static KinesisEventRecord kinesisRecord(String sequenceNumber, String data) {
    KinesisEvent.Record kinesis = new KinesisEvent.Record();
    kinesis.setSequenceNumber(sequenceNumber);
    kinesis.setData(ByteBuffer.wrap(data.getBytes(StandardCharsets.UTF_8)));
    KinesisEventRecord record = new KinesisEventRecord();
    record.setKinesis(kinesis);
    record.setEventSourceARN("arn:aws:kinesis:eu-west-1:123456789012:stream/changes");
    return record;
  }

  @Test
  void theRecordsOfTheRealEventCarryTheKinesisSequenceNumberAndMilliseconds() throws IOException {
    List<KinesisEventRecord> records = kinesisRecords(KINESIS_EVENT);
    DynamodbStreamRecord first = KinesisDynamoRecords.toStreamRecord(records.get(0));
    assertEquals("d9428029-0f63-4056-86da-ce10d545b1b9", first.getEventID());
    assertEquals("INSERT", first.getEventName());
    assertEquals("aws:dynamodb", first.getEventSource());
    assertEquals("eu-west-1", first.getAwsRegion());
    assertNull(first.getEventVersion());
    assertNull(first.getUserIdentity());
    assertEquals("arn:aws:kinesis:eu-west-1:1234567789012:stream/"
        + "PowertoolsEventsStack-KinesisStream46752A3E-u0C9B3ZKjgG0", first.getEventSourceARN());
    StreamRecord data = first.getDynamodb();
    assertEquals("49657828409187701520019995242508390119953358325192589314",
        data.getSequenceNumber());
    assertEquals(new Date(1731924555370L), data.getApproximateCreationDateTime());
    assertEquals(Map.of("id", new AttributeValue("record-1qit2y819gi")), data.getKeys());
    assertEquals(Map.of("id", new AttributeValue("record-1qit2y819gi"),
        "data", new AttributeValue("data-x6aq7ckdpgk")), data.getNewImage());
    assertNull(data.getOldImage());
    assertEquals(60L, data.getSizeBytes());
    assertNull(data.getStreamViewType());
    assertEquals("49657828409187701520019995242509599045772972954367295490",
        KinesisDynamoRecords.toStreamRecord(records.get(1)).getDynamodb().getSequenceNumber());
  }

  @Test
  void theSameChangesThroughADynamoDbStreamMapToEqualChanges() throws IOException {
    List<KinesisEventRecord> fromKinesis = kinesisRecords(KINESIS_EVENT);
    byte[] streamEvent = LambdaRuntime.event(STREAM_EVENT);
    List<DynamodbStreamRecord> fromStream =
        StreamEventJson.read(new ByteArrayInputStream(streamEvent)).getRecords();
    assertEquals(LambdaRuntime.read(DynamodbEvent.class, streamEvent).getRecords(), fromStream);
    assertEquals(2, fromKinesis.size());
    for (int i = 0; i < fromKinesis.size(); i++) {
      StreamChange<Item> kinesis = StreamRecords.change(
          KinesisDynamoRecords.toStreamRecord(fromKinesis.get(i)), Item::from);
      StreamChange<Item> stream = StreamRecords.change(fromStream.get(i), Item::from);
      assertEquals(stream.eventName(), kinesis.eventName());
      assertEquals(stream.keys(), kinesis.keys());
      assertEquals(stream.newImage(), kinesis.newImage());
      assertEquals(Optional.empty(), kinesis.oldImage());
      assertEquals(stream.oldImage(), kinesis.oldImage());
      assertEquals(stream.sizeBytes(), kinesis.sizeBytes());
      assertEquals(stream.record().getEventID(), kinesis.record().getEventID());
      assertEquals(stream.record().getAwsRegion(), kinesis.record().getAwsRegion());
      assertEquals(stream.record().getEventSource(), kinesis.record().getEventSource());
      // What differs: the sequence number is the Kinesis one, the time has its milliseconds.
      assertEquals(fromKinesis.get(i).getKinesis().getSequenceNumber(), kinesis.sequenceNumber());
      assertNotEquals(stream.sequenceNumber(), kinesis.sequenceNumber());
      assertEquals(Instant.ofEpochMilli(1731924555370L), kinesis.approximateCreationTime());
      assertEquals(stream.approximateCreationTime(),
          kinesis.approximateCreationTime().truncatedTo(ChronoUnit.SECONDS));
    }
  }

  @Test
  void randomChangesGiveTheRecordsTheRuntimeReadsFromAStreamEvent() throws IOException {
    Fuzz fuzz = new Fuzz(31);
    RandomRecords random = new RandomRecords(fuzz);
    for (int i = 0; i < 300; i++) {
      String keys = new String(fuzz.json(json -> random.item(json, 0)), StandardCharsets.UTF_8);
      String newImage = fuzz.chance(70)
          ? new String(fuzz.json(json -> random.item(json, 0)), StandardCharsets.UTF_8) : null;
      String oldImage = fuzz.chance(50)
          ? new String(fuzz.json(json -> random.item(json, 0)), StandardCharsets.UTF_8) : null;
      String eventName = fuzz.pick("INSERT", "MODIFY", "REMOVE");
      String identity = fuzz.chance(20)
          ? "{\"principalId\": \"dynamodb.amazonaws.com\", \"type\": \"Service\"}" : "null";
      long millis = 1_600_000_000_000L + fuzz.between(0, 999_999_999);
      String images = "\"Keys\": " + keys
          + (newImage == null ? "" : ", \"NewImage\": " + newImage)
          + (oldImage == null ? "" : ", \"OldImage\": " + oldImage)
          + ", \"SizeBytes\": " + (i + 1);
      String change = "{\"awsRegion\": \"eu-west-1\", \"eventID\": \"id-" + i + "\","
          + " \"eventName\": \"" + eventName + "\", \"userIdentity\": " + identity + ","
          + " \"recordFormat\": \"application/json\", \"tableName\": \"Orders\","
          + " \"dynamodb\": {\"ApproximateCreationDateTime\": " + millis + ", " + images + "},"
          + " \"eventSource\": \"aws:dynamodb\"}";
      String streamEvent = "{\"Records\": [{\"eventID\": \"id-" + i + "\", \"eventName\": \""
          + eventName + "\", \"eventSource\": \"aws:dynamodb\", \"awsRegion\": \"eu-west-1\","
          + " \"userIdentity\": " + identity + ", \"dynamodb\": {\"ApproximateCreationDateTime\": "
          + millis / 1000.0 + ", " + images + ", \"SequenceNumber\": \"" + i + "\"},"
          + " \"eventSourceARN\": \"arn:aws:kinesis:eu-west-1:123456789012:stream/changes\"}]}";
      DynamodbStreamRecord expected =
          LambdaRuntime.read(DynamodbEvent.class, streamEvent).getRecords().get(0);
      DynamodbStreamRecord actual =
          KinesisDynamoRecords.toStreamRecord(kinesisRecord(Integer.toString(i), change));
      assertEquals(expected, actual, change);
      assertEquals(expected.toString(), actual.toString(), change);
    }
  }

  @Test
  void microsecondCreationTimesAreCutToMilliseconds() {
    String change = "{\"eventName\": \"INSERT\", \"dynamodb\": {"
        + "\"ApproximateCreationDateTime\": 1721011165891550, \"Keys\": {\"k\": {\"S\": \"1\"}},"
        + " \"SizeBytes\": 137, \"ApproximateCreationDateTimePrecision\": \"MICROSECOND\"}}";
    assertEquals(new Date(1721011165891L), KinesisDynamoRecords.toStreamRecord(
        kinesisRecord("1", change)).getDynamodb().getApproximateCreationDateTime());
    String precisionFirst = "{\"eventName\": \"INSERT\", \"dynamodb\": {"
        + "\"ApproximateCreationDateTimePrecision\": \"MILLISECOND\","
        + " \"ApproximateCreationDateTime\": 1721011165891}}";
    assertEquals(new Date(1721011165891L), KinesisDynamoRecords.toStreamRecord(
        kinesisRecord("2", precisionFirst)).getDynamodb().getApproximateCreationDateTime());
    MalformedEventException failure = assertThrows(MalformedEventException.class,
        () -> KinesisDynamoRecords.toStreamRecord(kinesisRecord("3", change.replace(
            "MICROSECOND", "SECOND"))));
    assertTrue(failure.getMessage().contains("ApproximateCreationDateTimePrecision \"SECOND\" is"
        + " not MILLISECOND or MICROSECOND"), failure.getMessage());
  }

  @Test
  void dataThatIsNoChangeRecordFailsNamingTheSequenceNumber() throws IOException {
    KinesisEventRecord text = kinesisRecords("go__kinesis-event.json").get(0);
    String message = assertThrows(MalformedEventException.class,
        () -> KinesisDynamoRecords.toStreamRecord(text)).getMessage();
    assertTrue(message.startsWith("Malformed DynamoDB change record in the data of the Kinesis"
        + " record with sequence number 49568167373333333333333333333333333333333333333333333333"
        + " (line 1, column 1): the data is not valid JSON: Unrecognized token 'Hello'"), message);

    KinesisEventRecord product = kinesisRecords("powertools-java__kinesis_event.json").get(0);
    assertEquals("Malformed DynamoDB change record in the data of the Kinesis record with"
        + " sequence number 49545115243490985018280067714973144582180062593244200961: the data"
        + " is not a DynamoDB change record: it has no dynamodb object",
        assertThrows(MalformedEventException.class,
            () -> KinesisDynamoRecords.toStreamRecord(product)).getMessage());

    for (String data : List.of("", "null", "[]", "{\"dynamodb\": {}} {}",
        "{\"dynamodb\": {\"NewImage\": {\"a\": {\"S\": [1]}}}}",
        "{\"dynamodb\": {\"Keys\": {\"a\": {\"B\": \"no base64\"}}}}",
        "{\"dynamodb\": {\"ApproximateCreationDateTime\": 1.7E12}}",
        "{\"dynamodb\": {\"ApproximateCreationDateTime\": \"1700000000000\"}}",
        "{\"dynamodb\": [], \"eventName\": \"INSERT\"}")) {
      MalformedEventException failure = assertThrows(MalformedEventException.class,
          () -> KinesisDynamoRecords.toStreamRecord(kinesisRecord("77", data)), data);
      assertTrue(failure.getMessage().startsWith("Malformed DynamoDB change record in the data of"
          + " the Kinesis record with sequence number 77"), failure.getMessage());
    }
    KinesisEventRecord noData = kinesisRecord("78", "");
    noData.getKinesis().setData(null);
    assertEquals("Malformed DynamoDB change record in the data of the Kinesis record with"
        + " sequence number 78: there is no data", assertThrows(MalformedEventException.class,
            () -> KinesisDynamoRecords.toStreamRecord(noData)).getMessage());
    assertNull(KinesisDynamoRecords.toStreamRecord(null));
  }

  @Test
  void theHandlersBufferIsLeftAsItWasAndLaterChangesToItDoNotReachTheImages() {
    KinesisEventRecord record = kinesisRecord("5", "{\"eventName\": \"MODIFY\", \"dynamodb\": {"
        + "\"NewImage\": {\"id\": {\"S\": \"one\"}}, \"OldImage\": {\"id\": {\"S\": \"two\"}}}}");
    ByteBuffer data = record.getKinesis().getData();
    DynamodbStreamRecord change = KinesisDynamoRecords.toStreamRecord(record);
    assertEquals(0, data.position());
    data.put(data.limit() - 7, (byte) 'X'); // "two" becomes "tXo" in the buffer, not in the image
    assertEquals(new AttributeValue("one"), change.getDynamodb().getNewImage().get("id"));
    assertEquals(new AttributeValue("two"), change.getDynamodb().getOldImage().get("id"));
  }
}
