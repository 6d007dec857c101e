package dev.laconic.local.engine.stream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.laconic.local.engine.protocol.Json;
import dev.laconic.local.engine.storage.AttributeValues;
import dev.laconic.local.engine.storage.Engine;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One DynamoDB stream of a table: its records, in shards of which at most one is open at a time.
 *
 * <p>Real DynamoDB keeps roughly one open shard per partition and rolls shards over about every four hours; one open
 * shard is enough locally and keeps every record of the table in one strict order. A shard is closed and followed by
 * a child shard after {@code recordsPerShard} records (when set) or on {@link #split}. Records are trimmed after 24
 * hours and the stream stays readable after it is disabled, as in
 * <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Streams.html">Change data capture for
 * DynamoDB Streams</a>.
 */
public final class Stream {
  /** How long records stay readable. */
  private static final Duration RETENTION = Duration.ofHours(24);

  private final Engine engine;
  private final String arn;
  private final String label;
  private final String tableName;
  private final ArrayNode keySchema;
  private final String viewType;
  private final Instant created;
  private final List<Shard> shards = new ArrayList<>();
  private boolean enabled = true;

  public Stream(Engine engine, String tableName, ArrayNode keySchema, String viewType, String label, Instant created) {
    this.engine = engine;
    this.arn = arn(engine, tableName, label);
    this.label = label;
    this.tableName = tableName;
    this.keySchema = keySchema;
    this.viewType = viewType;
    this.created = created;
    openShard(null, created);
  }

  public static String arn(Engine engine, String tableName, String label) {
    return "arn:aws:dynamodb:" + engine.region() + ":" + engine.accountId() + ":table/" + tableName
        + "/stream/" + label;
  }

  public String arn() {
    return arn;
  }

  String tableName() {
    return tableName;
  }

  public String label() {
    return label;
  }

  public String viewType() {
    return viewType;
  }

  public boolean isEnabled() {
    return enabled;
  }

  List<Shard> shards() {
    return shards;
  }

  /** The shard with this id, or {@code null}. */
  Shard shard(String shardId) {
    for (Shard shard : shards) {
      if (shard.id().equals(shardId)) {
        return shard;
      }
    }
    return null;
  }

  /**
   * Writes a record for one item change; the images included depend on the stream view type, as described in
   * <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_StreamSpecification.html">StreamSpecification</a>.
   */
  public void append(String eventName, ObjectNode keys, ObjectNode oldImage, ObjectNode newImage, Instant now) {
    append(eventName, keys, oldImage, newImage, now, false);
  }

  /**
   * The same, for a change the service made itself ({@code byService}): a TTL deletion, whose
   * record names DynamoDB as its {@code userIdentity}.
   */
  public void append(String eventName, ObjectNode keys, ObjectNode oldImage, ObjectNode newImage, Instant now,
      boolean byService) {
    Shard shard = shards.get(shards.size() - 1);
    long sequence = engine.nextSequence();
    ObjectNode data = Json.object();
    data.put("ApproximateCreationDateTime", now.getEpochSecond());
    data.set("Keys", keys);
    long size = AttributeValues.itemSize(keys);
    if (newImage != null && (viewType.equals("NEW_IMAGE") || viewType.equals("NEW_AND_OLD_IMAGES"))) {
      data.set("NewImage", newImage);
      size += AttributeValues.itemSize(newImage);
    }
    if (oldImage != null && (viewType.equals("OLD_IMAGE") || viewType.equals("NEW_AND_OLD_IMAGES"))) {
      data.set("OldImage", oldImage);
      size += AttributeValues.itemSize(oldImage);
    }
    data.put("SequenceNumber", SequenceNumbers.format(sequence));
    data.put("SizeBytes", size);
    data.put("StreamViewType", viewType);
    // The GetRecords record shape; eventSourceARN is added by Lambda, not by DynamoDB Streams.
    ObjectNode record = Json.object();
    record.put("eventID", UUID.randomUUID().toString().replace("-", ""));
    record.put("eventName", eventName);
    record.put("eventVersion", "1.1");
    record.put("eventSource", "aws:dynamodb");
    record.put("awsRegion", engine.region());
    record.set("dynamodb", data);
    if (byService) {
      // The Streams API's member names; Lambda's event spells them principalId and type.
      ObjectNode identity = record.putObject("userIdentity");
      identity.put("Type", "Service");
      identity.put("PrincipalId", "dynamodb.amazonaws.com");
    }
    shard.append(new Shard.Entry(sequence, now, size, Json.text(record)));
    if (engine.recordsPerShard() > 0 && shard.appended() >= engine.recordsPerShard()) {
      split(now);
    }
  }

  /** Closes the open shard and opens a child of it; does nothing for a disabled stream. */
  public void split(Instant now) {
    if (!enabled) {
      return;
    }
    Shard parent = shards.get(shards.size() - 1);
    engine.reserveSequence(parent.close());
    openShard(parent.id(), now);
  }

  /** Stops recording: closes the open shard; the records stay readable until they are trimmed. */
  public void disable() {
    engine.reserveSequence(shards.get(shards.size() - 1).close());
    enabled = false;
  }

  /** Trims the records older than the retention period at {@code now}. */
  public void trim(Instant now) {
    Instant cutoff = now.minus(RETENTION);
    shards.forEach(shard -> shard.trim(cutoff));
  }

  private void openShard(String parentId, Instant now) {
    shards.add(new Shard(engine.nextShardId(now), parentId, engine.lastSequence() + 1));
  }

  /** The ListStreams {@code Stream} structure. */
  ObjectNode summary() {
    ObjectNode summary = Json.object();
    summary.put("StreamArn", arn);
    summary.put("TableName", tableName);
    summary.put("StreamLabel", label);
    return summary;
  }

  /** The DescribeStream {@code StreamDescription}, without its shards. */
  ObjectNode describe() {
    ObjectNode description = summary();
    description.put("StreamStatus", enabled ? "ENABLED" : "DISABLED");
    description.put("StreamViewType", viewType);
    description.put("CreationRequestDateTime", BigDecimal.valueOf(created.toEpochMilli(), 3));
    description.set("KeySchema", keySchema);
    return description;
  }
}
