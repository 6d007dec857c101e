package dev.laconic.snapstart;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent.KinesisEventRecord;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.TimeWindowEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The events priming reads: made-up events of each source, as bytes in the shape Lambda sends
 * (the fields of the sample events AWS publishes for each source), so that they take the same
 * reading code a real event takes; and responses to write.
 *
 * <p>The item of a typed handler comes from the processor, which knows the mapped type and fills
 * every property with a value of its type; an untyped handler gets {@link #DEFAULT_ITEM}, which
 * holds one attribute of every DynamoDB type. Nothing here is shared: every call builds new
 * events, so no synthetic value can reach an invocation.
 */
public final class SyntheticEvents {

  /** An item with one attribute of every DynamoDB type, as DynamoDB JSON. */
  public static final String DEFAULT_ITEM = "{\"pk\":{\"S\":\"laconic\"},\"n\":{\"N\":\"1\"},"
      + "\"flag\":{\"BOOL\":true},\"blob\":{\"B\":\"AQID\"},\"ss\":{\"SS\":[\"a\",\"b\"]},"
      + "\"ns\":{\"NS\":[\"1\",\"2.5\"]},\"bs\":{\"BS\":[\"AQID\"]},"
      + "\"list\":{\"L\":[{\"S\":\"a\"},{\"N\":\"1\"}]},\"map\":{\"M\":{\"k\":{\"S\":\"v\"}}},"
      + "\"none\":{\"NULL\":true}}";

  /** The keys of {@link #DEFAULT_ITEM}. */
  public static final String DEFAULT_KEYS = "{\"pk\":{\"S\":\"laconic\"}}";

  /** A JSON payload for untyped Kinesis and SQS handlers. */
  public static final String DEFAULT_PAYLOAD = "{\"id\":\"laconic\",\"n\":1}";

  private static final String[] EVENT_NAMES = {"INSERT", "MODIFY", "REMOVE"};

  private SyntheticEvents() {}

  /** A DynamoDB stream event of {@link #DEFAULT_ITEM}. */
  public static InputStream dynamoDb() {
    return dynamoDb(DEFAULT_KEYS, DEFAULT_ITEM);
  }

  /**
   * A DynamoDB stream event of three records of {@code item} (DynamoDB JSON): an INSERT with a
   * new image, a MODIFY with both images, a REMOVE with the old image.
   */
  public static InputStream dynamoDb(String keys, String item) {
    return bytes("{\"Records\":[" + dynamoDbRecords(keys, item) + "]}");
  }

  /** A DynamoDB tumbling-window event of {@link #DEFAULT_ITEM}, with a window and a state. */
  public static InputStream dynamoDbWindow() {
    return bytes("{\"Records\":[" + dynamoDbRecords(DEFAULT_KEYS, DEFAULT_ITEM) + "],"
        + window("arn:aws:dynamodb:us-east-1:123456789012:table/Laconic/stream/"
            + "2024-01-01T00:00:00.000") + "}");
  }

  /** A Kinesis event of one record whose data is {@link #DEFAULT_PAYLOAD}. */
  public static InputStream kinesis() {
    return kinesis(DEFAULT_PAYLOAD);
  }

  /** A Kinesis event of one record whose data is {@code payload}'s UTF-8 bytes. */
  public static InputStream kinesis(String payload) {
    return bytes("{\"Records\":[" + kinesisRecord(1, payload) + "]}");
  }

  /** A Kinesis tumbling-window event of {@link #DEFAULT_PAYLOAD}, with a window and a state. */
  public static InputStream kinesisWindow() {
    return bytes("{\"Records\":[" + kinesisRecord(1, DEFAULT_PAYLOAD) + "],"
        + window("arn:aws:kinesis:us-east-1:123456789012:stream/laconic") + "}");
  }

  /**
   * A Kinesis event of three records written by Kinesis Data Streams for DynamoDB: each record's
   * data is a DynamoDB change record of {@code item}, an INSERT, a MODIFY and a REMOVE.
   */
  public static InputStream kinesisDynamoDb(String keys, String item) {
    StringBuilder records = new StringBuilder();
    for (int i = 0; i < EVENT_NAMES.length; i++) {
      String change = "{\"awsRegion\":\"us-east-1\",\"eventID\":\"00000000-0000-4000-8000-00000000000"
          + i + "\",\"eventName\":\"" + EVENT_NAMES[i] + "\",\"userIdentity\":null,"
          + "\"recordFormat\":\"application/json\",\"tableName\":\"Laconic\",\"dynamodb\":{"
          + "\"ApproximateCreationDateTime\":1704067200000,\"Keys\":" + keys
          + images(i, item) + ",\"SizeBytes\":" + item.length() + "},"
          + "\"eventSource\":\"aws:dynamodb\"}";
      records.append(i == 0 ? "" : ",").append(kinesisRecord(i + 1, change));
    }
    return bytes("{\"Records\":[" + records + "]}");
  }

  /** An SQS event of one message whose body is {@link #DEFAULT_PAYLOAD}. */
  public static InputStream sqs() {
    return sqs(DEFAULT_PAYLOAD);
  }

  /** An SQS event of one message whose body is {@code body}, with attributes of both kinds. */
  public static InputStream sqs(String body) {
    StringBuilder json = new StringBuilder("{\"Records\":[{\"messageId\":"
        + "\"00000000-0000-4000-8000-000000000001\",\"receiptHandle\":\"AQEBlaconic==\","
        + "\"body\":");
    quote(json, body);
    json.append(",\"attributes\":{\"ApproximateReceiveCount\":\"1\","
        + "\"SentTimestamp\":\"1704067200000\",\"SenderId\":\"AIDAIENQZJOLO23YVJ4VO\","
        + "\"ApproximateFirstReceiveTimestamp\":\"1704067200001\"},"
        + "\"messageAttributes\":{\"kind\":{\"stringValue\":\"laconic\",\"stringListValues\":[],"
        + "\"binaryListValues\":[],\"dataType\":\"String\"}},"
        + "\"md5OfBody\":\"00000000000000000000000000000000\",\"eventSource\":\"aws:sqs\","
        + "\"eventSourceARN\":\"arn:aws:sqs:us-east-1:123456789012:laconic\","
        + "\"awsRegion\":\"us-east-1\"}]}");
    return bytes(json.toString());
  }

  /**
   * The body of the on-failure record a Kinesis event source mapping sends to an SQS queue, for
   * handlers of {@code StreamFailure}.
   */
  public static String streamFailureBody() {
    return "{\"requestContext\":{\"requestId\":\"00000000-0000-4000-8000-000000000001\","
        + "\"functionArn\":\"arn:aws:lambda:us-east-1:123456789012:function:laconic\","
        + "\"condition\":\"RetryAttemptsExhausted\",\"approximateInvokeCount\":1},"
        + "\"responseContext\":{\"statusCode\":200,\"executedVersion\":\"$LATEST\","
        + "\"functionError\":\"Unhandled\"},\"version\":\"1.0\","
        + "\"timestamp\":\"2024-01-01T00:00:00.000Z\",\"KinesisBatchInfo\":{"
        + "\"shardId\":\"shardId-000000000001\",\"startSequenceNumber\":\"1\","
        + "\"endSequenceNumber\":\"2\",\"approximateArrivalOfFirstRecord\":"
        + "\"2024-01-01T00:00:00.000Z\",\"approximateArrivalOfLastRecord\":"
        + "\"2024-01-01T00:00:00.000Z\",\"batchSize\":2,"
        + "\"streamArn\":\"arn:aws:kinesis:us-east-1:123456789012:stream/laconic\"}}";
  }

  /** A stream response that reports one failed record, so that writing it takes every branch. */
  public static StreamsEventResponse streamsResponse() {
    return new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure("1")));
  }

  /** An SQS response that reports one failed message. */
  public static SQSBatchResponse sqsResponse() {
    return new SQSBatchResponse(List.of(new SQSBatchResponse.BatchItemFailure("1")));
  }

  /** A window response with a state and one failed record. */
  public static TimeWindowEventResponse windowResponse() {
    return TimeWindowEventResponse.builder()
        .withState(Map.of("count", "1"))
        .withBatchItemFailures(List.of(new TimeWindowEventResponse.BatchItemFailure("1")))
        .build();
  }

  /**
   * Asks every record of an event for its keys and images, which the readers build only when
   * first asked for: what an untyped handler of DynamoDB records does.
   */
  public static void readAll(DynamodbEvent event) {
    for (DynamodbStreamRecord record : event.getRecords()) {
      StreamRecord data = record.getDynamodb();
      data.getKeys();
      data.getNewImage();
      data.getOldImage();
    }
  }

  /** Asks every record of a Kinesis event for its data, as an untyped handler does. */
  public static void readAll(KinesisEvent event) {
    for (KinesisEventRecord record : event.getRecords()) {
      record.getKinesis().getData();
    }
  }

  /** Asks every message of an SQS event for its body and attributes. */
  public static void readAll(SQSEvent event) {
    for (SQSMessage message : event.getRecords()) {
      message.getBody();
      message.getMessageAttributes();
    }
  }

  private static String dynamoDbRecords(String keys, String item) {
    StringBuilder records = new StringBuilder();
    for (int i = 0; i < EVENT_NAMES.length; i++) {
      records.append(i == 0 ? "" : ",")
          .append("{\"eventID\":\"").append(i + 1).append("\",\"eventName\":\"")
          .append(EVENT_NAMES[i]).append("\",\"eventVersion\":\"1.1\",")
          .append("\"eventSource\":\"aws:dynamodb\",\"awsRegion\":\"us-east-1\",")
          .append("\"dynamodb\":{\"ApproximateCreationDateTime\":1704067200,\"Keys\":")
          .append(keys).append(images(i, item))
          .append(",\"SequenceNumber\":\"").append(i + 1).append("00000000000000000001\",")
          .append("\"SizeBytes\":").append(item.length())
          .append(",\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"},")
          .append("\"eventSourceARN\":\"arn:aws:dynamodb:us-east-1:123456789012:table/Laconic/")
          .append("stream/2024-01-01T00:00:00.000\"}");
    }
    return records.toString();
  }

  /** The images of the record at {@code index} of INSERT, MODIFY, REMOVE. */
  private static String images(int index, String item) {
    String newImage = index < 2 ? ",\"NewImage\":" + item : "";
    String oldImage = index > 0 ? ",\"OldImage\":" + item : "";
    return newImage + oldImage;
  }

  private static String kinesisRecord(int number, String data) {
    String sequenceNumber = "4954511524349098501828006771497314458218006259324420096" + number;
    return "{\"kinesis\":{\"kinesisSchemaVersion\":\"1.0\",\"partitionKey\":\"laconic\","
        + "\"sequenceNumber\":\"" + sequenceNumber + "\",\"data\":\""
        + Base64.getEncoder().encodeToString(data.getBytes(StandardCharsets.UTF_8))
        + "\",\"approximateArrivalTimestamp\":1704067200.5},\"eventSource\":\"aws:kinesis\","
        + "\"eventVersion\":\"1.0\",\"eventID\":\"shardId-000000000000:" + sequenceNumber
        + "\",\"eventName\":\"aws:kinesis:record\","
        + "\"invokeIdentityArn\":\"arn:aws:iam::123456789012:role/laconic\","
        + "\"awsRegion\":\"us-east-1\","
        + "\"eventSourceARN\":\"arn:aws:kinesis:us-east-1:123456789012:stream/laconic\"}";
  }

  private static String window(String source) {
    return "\"window\":{\"start\":\"2024-01-01T00:00:00Z\",\"end\":\"2024-01-01T00:01:00Z\"},"
        + "\"state\":{\"count\":\"1\"},\"shardId\":\"shardId-000000000000\","
        + "\"eventSourceARN\":\"" + source + "\",\"isFinalInvokeForWindow\":false,"
        + "\"isWindowTerminatedEarly\":false";
  }

  private static void quote(StringBuilder json, String text) {
    json.append('"').append(JsonStringEncoder.getInstance().quoteAsString(text)).append('"');
  }


  private static InputStream bytes(String json) {
    return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
  }
}
