package com.example.orders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.laconic.local.engine.DynamoItems;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Writes Kinesis events of table changes as Kinesis Data Streams for DynamoDB and Lambda make
 * them, in the format of the real {@code powertools-ts__dynamodb-stream.json}: each record's
 * {@code data} is base64 of the table's change record in compact JSON, with its fields in the
 * same order, a millisecond {@code ApproximateCreationDateTime}, {@code SizeBytes} counted as
 * DynamoDB counts an item, and no {@code SequenceNumber}; the Kinesis record around it carries the
 * shard's sequence number. {@code KinesisChangesTest} rebuilds the real file with it.
 */
final class KinesisChanges {

  static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  static final ObjectMapper JSON = new ObjectMapper();

  /** Where the sample's stack would put them; the names CloudFormation would generate. */
  static final String REGION = "eu-west-1";
  static final String TABLE = "laconic-sample-OrdersTable-1X2Y3Z4A5B6C";
  static final String STREAM_ARN = "arn:aws:kinesis:eu-west-1:123456789012:stream/"
      + "laconic-sample-OrderChanges-9Q8W7E6R5T4Y";
  static final String ROLE_ARN = "arn:aws:iam::123456789012:role/"
      + "laconic-sample-OrderTrackingTrackRole-ABCDEF123456";

  /** The sequence number of the first record; each next one is larger, as in a shard. */
  static final BigInteger FIRST_SEQUENCE_NUMBER =
      new BigInteger("49658000000000000000000000000000000000000000000000000002");

  /**
   * One change of the table, the way Kinesis Data Streams for DynamoDB writes it.
   *
   * @param eventId the change record's id
   * @param eventName INSERT, MODIFY or REMOVE
   * @param created when DynamoDB made the change, kept to the millisecond
   * @param keys the item's key attributes, in DynamoDB JSON
   * @param newImage the item after the change, or null (a REMOVE)
   * @param oldImage the item before the change, or null (an INSERT)
   */
  record Change(String eventId, String eventName, Instant created, ObjectNode keys,
      ObjectNode newImage, ObjectNode oldImage) {}

  /**
   * Where Kinesis put a change, and the stream and role Lambda names.
   *
   * @param partitionKey the record's partition key (DynamoDB writes a hash of the item's key)
   * @param sequenceNumber the record's place in its shard
   * @param arrived when the record reached the stream, kept to the millisecond
   */
  record Placement(String region, String tableName, String partitionKey, String sequenceNumber,
      Instant arrived, String streamArn, String roleArn) {}

  private KinesisChanges() {}

  /**
   * The change record DynamoDB writes as the Kinesis record's data: compact JSON, fields in
   * the order the real events have them.
   */
  static byte[] data(Change change, String region, String tableName) {
    ObjectNode record = NODES.objectNode();
    record.put("awsRegion", region);
    record.put("eventID", change.eventId());
    record.put("eventName", change.eventName());
    record.putNull("userIdentity");
    record.put("recordFormat", "application/json");
    record.put("tableName", tableName);
    ObjectNode dynamodb = record.putObject("dynamodb");
    dynamodb.put("ApproximateCreationDateTime", change.created().toEpochMilli());
    dynamodb.set("Keys", change.keys());
    long size = DynamoItems.size(change.keys());
    if (change.newImage() != null) {
      dynamodb.set("NewImage", change.newImage());
      size += DynamoItems.size(change.newImage());
    }
    if (change.oldImage() != null) {
      dynamodb.set("OldImage", change.oldImage());
      size += DynamoItems.size(change.oldImage());
    }
    dynamodb.put("SizeBytes", size);
    record.put("eventSource", "aws:dynamodb");
    try {
      return JSON.writeValueAsBytes(record);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One record of the Kinesis event Lambda sends, around {@code data}. */
  static ObjectNode record(byte[] data, Placement placement) {
    ObjectNode record = NODES.objectNode();
    ObjectNode kinesis = record.putObject("kinesis");
    kinesis.put("kinesisSchemaVersion", "1.0");
    kinesis.put("partitionKey", placement.partitionKey());
    kinesis.put("sequenceNumber", placement.sequenceNumber());
    kinesis.put("data", Base64.getEncoder().encodeToString(data));
    // Epoch seconds with the milliseconds as a fraction, as Lambda writes them.
    kinesis.put("approximateArrivalTimestamp",
        BigDecimal.valueOf(placement.arrived().toEpochMilli()).movePointLeft(3));
    record.put("eventSource", "aws:kinesis");
    record.put("eventVersion", "1.0");
    record.put("eventID", "shardId-000000000000:" + placement.sequenceNumber());
    record.put("eventName", "aws:kinesis:record");
    record.put("invokeIdentityArn", placement.roleArn());
    record.put("awsRegion", placement.region());
    record.put("eventSourceARN", placement.streamArn());
    return record;
  }

  /**
   * The event of {@code changes} of the sample's Orders table on its OrderChanges stream, one
   * shard, each change arriving 500 ms after it was made.
   */
  static byte[] event(List<Change> changes) {
    List<ObjectNode> records = new ArrayList<>();
    for (int i = 0; i < changes.size(); i++) {
      Change change = changes.get(i);
      records.add(record(data(change, REGION, TABLE), new Placement(REGION, TABLE,
          partitionKey(change), sequenceNumber(i), change.created().plusMillis(500), STREAM_ARN,
          ROLE_ARN)));
    }
    return event(records.toArray(ObjectNode[]::new));
  }

  /** The Kinesis sequence number of the {@code index}th record {@link #event(List)} writes. */
  static String sequenceNumber(int index) {
    return FIRST_SEQUENCE_NUMBER.add(BigInteger.valueOf(1_209_000_000_000L * index)).toString();
  }

  /** The event of {@code records}, as the bytes Lambda would send. */
  static byte[] event(ObjectNode... records) {
    ObjectNode event = NODES.objectNode();
    event.putArray("Records").addAll(List.of(records));
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A partition key of the form DynamoDB writes: 32 upper-case hex digits of the item's key. */
  private static String partitionKey(Change change) {
    try {
      byte[] key = JSON.writeValueAsBytes(change.keys());
      return java.util.HexFormat.of().withUpperCase().formatHex(
          java.security.MessageDigest.getInstance("MD5").digest(key));
    } catch (JsonProcessingException | java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
