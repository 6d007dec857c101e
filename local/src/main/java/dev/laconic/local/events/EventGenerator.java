package dev.laconic.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.laconic.local.engine.DynamoItems;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * Makes the events Lambda sends to a function for DynamoDB Streams, Kinesis and SQS, one record
 * for each change, data or body you give, with the fields Lambda fills in (ids, sequence numbers,
 * timestamps, checksums) made up the way Lambda makes them. The shapes are those of the
 * developer guide's examples
 * (<a href="https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html">with-ddb</a>,
 * <a href="https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html">with-kinesis</a>,
 * <a href="https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html">with-sqs</a>), and the
 * Lambda Java runtime's serializer reads them into {@code DynamodbEvent}, {@code KinesisEvent}
 * and {@code SQSEvent}.
 */
public final class EventGenerator {

  /** The region of the example ARNs, whose account is AWS's example account. */
  public static final String DEFAULT_REGION = "us-east-1";

  static final String DEFAULT_ACCOUNT = "123456789012";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Clock clock;
  private final Random random;

  /** Timestamps from {@code clock}; ids, sequence numbers and handles from {@code random}. */
  public EventGenerator(Clock clock, Random random) {
    this.clock = clock;
    this.random = random;
  }

  /** Timestamps of now, random ids. */
  public EventGenerator() {
    this(Clock.systemUTC(), new Random());
  }

  /** A stream ARN of the table {@code tableName}, in the example account. */
  public static String dynamodbStreamArn(String region, String tableName) {
    return "arn:aws:dynamodb:" + region + ":" + DEFAULT_ACCOUNT + ":table/" + tableName
        + "/stream/2026-01-01T00:00:00.000";
  }

  /** The example Kinesis stream's ARN. */
  public static String kinesisStreamArn() {
    return kinesisStreamArn(DEFAULT_REGION, "my-stream");
  }

  /** The ARN of the Kinesis stream {@code streamName}, in the example account. */
  public static String kinesisStreamArn(String region, String streamName) {
    return "arn:aws:kinesis:" + region + ":" + DEFAULT_ACCOUNT + ":stream/" + streamName;
  }

  /** The example queue's ARN; a FIFO queue's name ends in {@code .fifo}. */
  public static String sqsQueueArn(boolean fifo) {
    return sqsQueueArn(DEFAULT_REGION, "my-queue" + (fifo ? ".fifo" : ""));
  }

  /** The ARN of the queue {@code queueName}, in the example account. */
  public static String sqsQueueArn(String region, String queueName) {
    return "arn:aws:sqs:" + region + ":" + DEFAULT_ACCOUNT + ":" + queueName;
  }

  /**
   * A DynamoDB Streams event of one change of one item, of stream view type
   * {@code NEW_AND_OLD_IMAGES}: an INSERT with a new image only, a MODIFY with both, a REMOVE
   * with the old image only.
   *
   * @param keys the item's key attributes; empty for the first attribute of the image
   * @param newImage the item after the change, in DynamoDB JSON, or empty
   * @param oldImage the item before the change, or empty
   * @throws IllegalArgumentException when both images are empty or one is not DynamoDB JSON
   */
  public ObjectNode dynamodb(String streamArn, Optional<JsonNode> keys,
      Optional<JsonNode> newImage, Optional<JsonNode> oldImage) {
    return dynamodb(streamArn, keys, newImage, oldImage, "NEW_AND_OLD_IMAGES");
  }

  /**
   * The same change as a stream of {@code viewType} delivers it: {@code NEW_IMAGE} leaves out
   * the old image, {@code OLD_IMAGE} the new one, {@code KEYS_ONLY} both, and {@code SizeBytes}
   * counts what is left.
   *
   * @throws IllegalArgumentException also for a view type DynamoDB does not have
   */
  public ObjectNode dynamodb(String streamArn, Optional<JsonNode> keys,
      Optional<JsonNode> newImage, Optional<JsonNode> oldImage, String viewType) {
    return dynamodb(streamArn, List.of(new ItemChange(keys, newImage, oldImage)), viewType);
  }

  /**
   * A DynamoDB Streams event of {@code changes}, in order, as one batch of one shard delivers
   * them: sequence numbers increasing, each record with the images {@code viewType} carries.
   *
   * @throws IllegalArgumentException for no change, a change without images, an image that is
   *     not DynamoDB JSON, or a view type DynamoDB does not have
   */
  public ObjectNode dynamodb(String streamArn, List<ItemChange> changes, String viewType) {
    boolean newImages = switch (viewType) {
      case "NEW_AND_OLD_IMAGES", "NEW_IMAGE" -> true;
      case "OLD_IMAGE", "KEYS_ONLY" -> false;
      default -> throw new IllegalArgumentException("No stream view type " + viewType + ": it"
          + " is NEW_AND_OLD_IMAGES, NEW_IMAGE, OLD_IMAGE or KEYS_ONLY.");
    };
    boolean oldImages = viewType.equals("NEW_AND_OLD_IMAGES") || viewType.equals("OLD_IMAGE");
    if (changes.isEmpty()) {
      throw new IllegalArgumentException("An event needs at least one change.");
    }
    Instant now = clock.instant();
    BigInteger sequence = new BigInteger(digits(21));
    ObjectNode event = JSON.createObjectNode();
    ArrayNode records = event.putArray("Records");
    for (ItemChange change : changes) {
      ObjectNode record = records.addObject();
      record.put("eventID", HexFormat.of().formatHex(bytes(16)));
      record.put("eventName", change.eventName());
      record.put("eventVersion", "1.1");
      record.put("eventSource", "aws:dynamodb");
      record.put("awsRegion", region(streamArn));
      ObjectNode data = record.putObject("dynamodb");
      data.put("ApproximateCreationDateTime", now.getEpochSecond());
      ObjectNode keyAttributes = DynamoItems.canonical(change.keyAttributes());
      data.set("Keys", keyAttributes);
      long size = DynamoItems.size(keyAttributes);
      // Numbers as DynamoDB stores them, so as its stream delivers them: "59.90" as "59.9".
      if (change.newImage().isPresent() && newImages) {
        ObjectNode image = DynamoItems.canonical(change.newImage().get());
        data.set("NewImage", image);
        size += DynamoItems.size(image);
      }
      if (change.oldImage().isPresent() && oldImages) {
        ObjectNode image = DynamoItems.canonical(change.oldImage().get());
        data.set("OldImage", image);
        size += DynamoItems.size(image);
      }
      data.put("SequenceNumber", sequence.toString());
      data.put("SizeBytes", size);
      data.put("StreamViewType", viewType);
      record.put("eventSourceARN", streamArn);
      // DynamoDB's sequence numbers grow by irregular steps within a shard.
      sequence = sequence.add(BigInteger.valueOf(1 + random.nextInt(1_000_000)));
    }
    return event;
  }

  /**
   * One change of one item: an INSERT has a new image only, a MODIFY both, a REMOVE the old
   * image only.
   *
   * @param keys the item's key attributes; empty for the first attribute of the image
   * @throws IllegalArgumentException when both images are empty or one is not DynamoDB JSON
   */
  public record ItemChange(Optional<JsonNode> keys, Optional<JsonNode> newImage,
      Optional<JsonNode> oldImage) {

    public ItemChange {
      if (newImage.isEmpty() && oldImage.isEmpty()) {
        throw new IllegalArgumentException("A change needs a new image, an old image or both.");
      }
      newImage.ifPresent(image -> check("new image", image));
      oldImage.ifPresent(image -> check("old image", image));
      keys.ifPresent(key -> check("keys", key));
    }

    /** INSERT, MODIFY or REMOVE. */
    public String eventName() {
      return newImage.isEmpty() ? "REMOVE" : oldImage.isEmpty() ? "INSERT" : "MODIFY";
    }

    private ObjectNode keyAttributes() {
      if (keys.isPresent()) {
        return (ObjectNode) keys.get().deepCopy();
      }
      JsonNode image = newImage.orElseGet(oldImage::get);
      Iterator<Map.Entry<String, JsonNode>> first = image.fields();
      if (!first.hasNext()) {
        throw new IllegalArgumentException("An image without attributes has no key; give the"
            + " keys.");
      }
      Map.Entry<String, JsonNode> attribute = first.next();
      ObjectNode keyAttributes = JSON.createObjectNode();
      keyAttributes.set(attribute.getKey(), attribute.getValue().deepCopy());
      return keyAttributes;
    }
  }

  /**
   * A Kinesis event of one record for each of {@code data}, in order, from one shard: each
   * record's data base64-encoded, sequence numbers increasing.
   */
  public ObjectNode kinesis(String streamArn, String partitionKey, List<byte[]> data) {
    Instant now = clock.instant();
    BigInteger sequence = new BigInteger(digits(56));
    String account = account(streamArn);
    ObjectNode event = JSON.createObjectNode();
    ArrayNode records = event.putArray("Records");
    for (byte[] bytes : data) {
      ObjectNode record = records.addObject();
      ObjectNode kinesis = record.putObject("kinesis");
      kinesis.put("kinesisSchemaVersion", "1.0");
      kinesis.put("partitionKey", partitionKey);
      kinesis.put("sequenceNumber", sequence.toString());
      kinesis.put("data", Base64.getEncoder().encodeToString(bytes));
      // Seconds with milliseconds, as Lambda writes them.
      kinesis.put("approximateArrivalTimestamp",
          BigDecimal.valueOf(now.toEpochMilli()).movePointLeft(3));
      record.put("eventSource", "aws:kinesis");
      record.put("eventVersion", "1.0");
      record.put("eventID", "shardId-000000000000:" + sequence);
      record.put("eventName", "aws:kinesis:record");
      record.put("invokeIdentityArn", "arn:aws:iam::" + account + ":role/lambda-role");
      record.put("awsRegion", region(streamArn));
      record.put("eventSourceARN", streamArn);
      sequence = sequence.add(BigInteger.valueOf(1 + random.nextInt(1000)));
    }
    return event;
  }

  /**
   * An SQS event of one message for each of {@code bodies}, in order. A message of a FIFO queue
   * (one with a {@code messageGroupId}) also has its {@code MessageGroupId}, a
   * {@code MessageDeduplicationId} (the body's SHA-256, as content-based deduplication makes it)
   * and a {@code SequenceNumber}.
   *
   * @throws IllegalArgumentException for a group id without a FIFO queue ({@code .fifo}), or a
   *     FIFO queue without a group id
   */
  public ObjectNode sqs(String queueArn, List<String> bodies, Optional<String> messageGroupId) {
    boolean fifo = queueArn.endsWith(".fifo");
    if (fifo != messageGroupId.isPresent()) {
      throw new IllegalArgumentException(fifo
          ? "Messages of the FIFO queue " + queueArn + " need a message group id."
          : "Only a FIFO queue (a name ending in .fifo) has message groups; " + queueArn
              + " is not one.");
    }
    Instant now = clock.instant();
    BigInteger sequence = new BigInteger(digits(20));
    ObjectNode event = JSON.createObjectNode();
    ArrayNode records = event.putArray("Records");
    for (String body : bodies) {
      ObjectNode record = records.addObject();
      record.put("messageId", new UUID(random.nextLong(), random.nextLong()).toString());
      record.put("receiptHandle", "AQEB" + Base64.getEncoder().encodeToString(bytes(96)));
      record.put("body", body);
      ObjectNode attributes = record.putObject("attributes");
      attributes.put("ApproximateReceiveCount", "1");
      attributes.put("SentTimestamp", Long.toString(now.toEpochMilli()));
      attributes.put("SenderId", "AIDAIENQZJOLO23YVJ4VO");
      attributes.put("ApproximateFirstReceiveTimestamp",
          Long.toString(now.toEpochMilli() + 2));
      if (fifo) {
        attributes.put("SequenceNumber", sequence.toString());
        attributes.put("MessageGroupId", messageGroupId.get());
        attributes.put("MessageDeduplicationId", HexFormat.of().formatHex(
            digest("SHA-256", body)));
        sequence = sequence.add(BigInteger.ONE);
      }
      record.putObject("messageAttributes");
      record.put("md5OfBody", HexFormat.of().formatHex(digest("MD5", body)));
      record.put("eventSource", "aws:sqs");
      record.put("eventSourceARN", queueArn);
      record.put("awsRegion", region(queueArn));
    }
    return event;
  }

  private static void check(String what, JsonNode item) {
    try {
      DynamoItems.validate(item);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("The " + what + " is not an item in DynamoDB JSON"
          + " ({\"id\": {\"S\": \"a\"}}): " + e.getMessage(), e);
    }
  }

  /** The region of an ARN ({@code arn:aws:sqs:REGION:...}), or the default. */
  private static String region(String arn) {
    String[] parts = arn.split(":", 6);
    return parts.length > 4 && !parts[3].isEmpty() ? parts[3] : DEFAULT_REGION;
  }

  private static String account(String arn) {
    String[] parts = arn.split(":", 6);
    return parts.length > 5 && !parts[4].isEmpty() ? parts[4] : DEFAULT_ACCOUNT;
  }

  private byte[] bytes(int count) {
    byte[] bytes = new byte[count];
    random.nextBytes(bytes);
    return bytes;
  }

  /** A number of {@code count} digits, the first not zero. */
  private String digits(int count) {
    StringBuilder digits = new StringBuilder().append(1 + random.nextInt(9));
    while (digits.length() < count) {
      digits.append(random.nextInt(10));
    }
    return digits.toString();
  }

  private static byte[] digest(String algorithm, String text) {
    try {
      return MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is missing from this JVM", e);
    }
  }
}
