package dev.laconic.local.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Generated events, read back by the Lambda Java runtime's own serializer. */
class EventGeneratorTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Instant NOW = Instant.parse("2026-11-30T12:00:00.250Z");

  final EventGenerator generator = new EventGenerator(Clock.fixed(NOW, ZoneOffset.UTC),
      new Random(7));

  @Test
  void kinesisRecordsCarryTheDataBase64EncodedInOrder() throws Exception {
    String arn = "arn:aws:kinesis:eu-west-1:111122223333:stream/orders";
    ObjectNode json = generator.kinesis(arn, "customer-7",
        List.of("{\"id\": 1}".getBytes(StandardCharsets.UTF_8), "plain text".getBytes(
            StandardCharsets.UTF_8)));

    KinesisEvent event = read(json, KinesisEvent.class);
    assertEquals(2, event.getRecords().size());
    KinesisEvent.KinesisEventRecord first = event.getRecords().get(0);
    assertEquals("{\"id\": 1}", StandardCharsets.UTF_8.decode(first.getKinesis().getData())
        .toString());
    assertEquals("plain text", StandardCharsets.UTF_8.decode(
        event.getRecords().get(1).getKinesis().getData()).toString());
    assertEquals("customer-7", first.getKinesis().getPartitionKey());
    assertEquals(arn, first.getEventSourceARN());
    assertEquals("eu-west-1", first.getAwsRegion());
    assertEquals("aws:kinesis", first.getEventSource());
    assertEquals("aws:kinesis:record", first.getEventName());
    assertEquals("arn:aws:iam::111122223333:role/lambda-role", first.getInvokeIdentityArn());
    assertEquals("shardId-000000000000:" + first.getKinesis().getSequenceNumber(),
        first.getEventID());
    assertEquals(Date.from(Instant.parse("2026-11-30T12:00:00.250Z")),
        first.getKinesis().getApproximateArrivalTimestamp());
    assertTrue(new BigInteger(first.getKinesis().getSequenceNumber()).compareTo(
        new BigInteger(event.getRecords().get(1).getKinesis().getSequenceNumber())) < 0);
    assertEquals(56, first.getKinesis().getSequenceNumber().length());
  }

  @Test
  void sqsMessagesCarryTheirBodyAndItsMd5() throws Exception {
    String arn = "arn:aws:sqs:eu-west-1:111122223333:orders";
    SQSEvent event = read(generator.sqs(arn, List.of("first", "{\"id\": 2}"), Optional.empty()),
        SQSEvent.class);

    assertEquals(2, event.getRecords().size());
    SQSEvent.SQSMessage first = event.getRecords().get(0);
    assertEquals("first", first.getBody());
    assertEquals("8b04d5e3775d298e78455efc5ca404d5", first.getMd5OfBody());
    assertEquals(arn, first.getEventSourceArn());
    assertEquals("eu-west-1", first.getAwsRegion());
    assertEquals("aws:sqs", first.getEventSource());
    assertEquals(Long.toString(NOW.toEpochMilli()), first.getAttributes().get("SentTimestamp"));
    assertEquals("1", first.getAttributes().get("ApproximateReceiveCount"));
    assertNull(first.getAttributes().get("MessageGroupId"));
    assertEquals(List.of(), List.copyOf(first.getMessageAttributes().keySet()));
    assertTrue(!first.getMessageId().equals(event.getRecords().get(1).getMessageId()));
  }

  @Test
  void fifoMessagesHaveTheirGroupDeduplicationIdAndSequenceNumber() throws Exception {
    String arn = "arn:aws:sqs:eu-west-1:111122223333:orders.fifo";
    SQSEvent event = read(generator.sqs(arn, List.of("a", "b"), Optional.of("customer-7")),
        SQSEvent.class);

    SQSEvent.SQSMessage first = event.getRecords().get(0);
    assertEquals("customer-7", first.getAttributes().get("MessageGroupId"));
    assertEquals("ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb",
        first.getAttributes().get("MessageDeduplicationId"));
    assertEquals(new BigInteger(first.getAttributes().get("SequenceNumber")).add(BigInteger.ONE),
        new BigInteger(event.getRecords().get(1).getAttributes().get("SequenceNumber")));
  }

  @Test
  void aGroupIdNeedsAFifoQueueAndAFifoQueueAGroupId() {
    assertEquals("Only a FIFO queue (a name ending in .fifo) has message groups;"
        + " arn:aws:sqs:us-east-1:123456789012:q is not one.",
        assertThrows(IllegalArgumentException.class, () -> generator.sqs(
            "arn:aws:sqs:us-east-1:123456789012:q", List.of("a"), Optional.of("g")))
            .getMessage());
    assertEquals("Messages of the FIFO queue arn:aws:sqs:us-east-1:123456789012:q.fifo need a"
        + " message group id.", assertThrows(IllegalArgumentException.class,
            () -> generator.sqs("arn:aws:sqs:us-east-1:123456789012:q.fifo", List.of("a"),
                Optional.empty())).getMessage());
  }

  @Test
  void aDynamodbChangeIsAnInsertModifyOrRemoveWithItsImages() throws Exception {
    String arn = EventGenerator.dynamodbStreamArn("eu-west-1", "Orders");
    JsonNode item = JSON.readTree("{\"pk\": {\"S\": \"o-1\"}, \"total\": {\"N\": \"59.90\"},"
        + " \"lines\": {\"L\": [{\"M\": {\"sku\": {\"S\": \"a\"}}}]}}");
    JsonNode before = JSON.readTree("{\"pk\": {\"S\": \"o-1\"}, \"total\": {\"N\": \"10\"}}");

    DynamodbEvent insert = read(generator.dynamodb(arn, Optional.empty(), Optional.of(item),
        Optional.empty()), DynamodbEvent.class);
    DynamodbEvent.DynamodbStreamRecord record = insert.getRecords().get(0);
    assertEquals("INSERT", record.getEventName());
    assertEquals("o-1", record.getDynamodb().getKeys().get("pk").getS());
    assertEquals(List.of("pk"), List.copyOf(record.getDynamodb().getKeys().keySet()));
    assertEquals("59.9", record.getDynamodb().getNewImage().get("total").getN(),
        "as DynamoDB stores the number");
    assertEquals("a", record.getDynamodb().getNewImage().get("lines").getL().get(0).getM()
        .get("sku").getS());
    assertNull(record.getDynamodb().getOldImage());
    assertEquals(arn, record.getEventSourceARN());
    assertEquals("eu-west-1", record.getAwsRegion());
    assertEquals("aws:dynamodb", record.getEventSource());
    assertEquals("NEW_AND_OLD_IMAGES", record.getDynamodb().getStreamViewType());
    assertEquals(Date.from(Instant.parse("2026-11-30T12:00:00Z")),
        record.getDynamodb().getApproximateCreationDateTime());
    assertEquals(21, record.getDynamodb().getSequenceNumber().length());
    assertEquals(32, record.getEventID().length());
    assertTrue(record.getDynamodb().getSizeBytes() > 0);

    DynamodbEvent modify = read(generator.dynamodb(arn, Optional.of(JSON.readTree(
        "{\"pk\": {\"S\": \"o-1\"}}")), Optional.of(item), Optional.of(before)),
        DynamodbEvent.class);
    assertEquals("MODIFY", modify.getRecords().get(0).getEventName());
    assertEquals("10", modify.getRecords().get(0).getDynamodb().getOldImage().get("total")
        .getN());

    DynamodbEvent remove = read(generator.dynamodb(arn, Optional.empty(), Optional.empty(),
        Optional.of(before)), DynamodbEvent.class);
    assertEquals("REMOVE", remove.getRecords().get(0).getEventName());
    assertNull(remove.getRecords().get(0).getDynamodb().getNewImage());
  }

  @Test
  void aStreamViewTypeKeepsTheImagesItCarriesAndCountsOnlyThem() throws Exception {
    String arn = EventGenerator.dynamodbStreamArn("eu-west-1", "Orders");
    JsonNode after = JSON.readTree("{\"pk\": {\"S\": \"o-1\"}, \"total\": {\"N\": \"59.90\"}}");
    JsonNode before = JSON.readTree("{\"pk\": {\"S\": \"o-1\"}, \"total\": {\"N\": \"10\"}}");
    long both = 0;
    for (String viewType : List.of("NEW_AND_OLD_IMAGES", "NEW_IMAGE", "OLD_IMAGE", "KEYS_ONLY")) {
      DynamodbEvent.DynamodbStreamRecord record = read(generator.dynamodb(arn, Optional.empty(),
          Optional.of(after), Optional.of(before), viewType), DynamodbEvent.class)
          .getRecords().get(0);
      assertEquals("MODIFY", record.getEventName(), viewType);
      assertEquals(viewType, record.getDynamodb().getStreamViewType());
      assertEquals(viewType.startsWith("NEW"), record.getDynamodb().getNewImage() != null,
          viewType);
      assertEquals(viewType.equals("NEW_AND_OLD_IMAGES") || viewType.equals("OLD_IMAGE"),
          record.getDynamodb().getOldImage() != null, viewType);
      assertEquals("o-1", record.getDynamodb().getKeys().get("pk").getS());
      if (viewType.equals("NEW_AND_OLD_IMAGES")) {
        both = record.getDynamodb().getSizeBytes();
      } else {
        assertTrue(record.getDynamodb().getSizeBytes() < both, viewType);
      }
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> generator.dynamodb(arn, Optional.empty(), Optional.of(after), Optional.empty(),
            "NEW"));
    assertEquals("No stream view type NEW: it is NEW_AND_OLD_IMAGES, NEW_IMAGE, OLD_IMAGE or"
        + " KEYS_ONLY.", e.getMessage());
  }

  @Test
  void anImageThatIsNotDynamodbJsonIsRefused() throws Exception {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> generator.dynamodb(EventGenerator.dynamodbStreamArn("us-east-1", "T"),
            Optional.empty(), Optional.of(JSON.readTree("{\"pk\": \"o-1\"}")), Optional.empty()));
    assertEquals("The new image is not an item in DynamoDB JSON ({\"id\": {\"S\": \"a\"}}):"
        + " Supplied AttributeValue is empty, must contain exactly one of the supported"
        + " datatypes", e.getMessage());
    assertEquals("A change needs a new image, an old image or both.",
        assertThrows(IllegalArgumentException.class, () -> generator.dynamodb("arn",
            Optional.empty(), Optional.empty(), Optional.empty())).getMessage());
  }

  private static <T> T read(JsonNode event, Class<T> type) throws Exception {
    return LambdaEventSerializers.serializerFor(type, EventGeneratorTest.class.getClassLoader())
        .fromJson(new ByteArrayInputStream(JSON.writeValueAsBytes(event)));
  }
}
