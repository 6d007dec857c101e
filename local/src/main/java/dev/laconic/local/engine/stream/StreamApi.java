package dev.laconic.local.engine.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.laconic.local.engine.protocol.ApiException;
import dev.laconic.local.engine.protocol.Json;
import dev.laconic.local.engine.storage.Engine;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The DynamoDB Streams operations: ListStreams, DescribeStream, GetShardIterator and GetRecords.
 *
 * <p>See the <a href="https://docs.aws.amazon.com/amazondynamodbstreams/latest/APIReference/API_Operations_Amazon_DynamoDB_Streams.html">DynamoDB
 * Streams API reference</a>.
 */
public final class StreamApi {
  private static final Set<String> ITERATOR_TYPES =
      Set.of("TRIM_HORIZON", "LATEST", "AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER");
  private static final int MAX_PAGE = 100;
  private static final int MAX_RECORDS = 1000;
  /** GetRecords returns at most 1 MB of data per call. */
  private static final long MAX_RECORD_BYTES = 1024 * 1024;

  private final Engine engine;

  /** A stream's ARN: its table's ARN, then {@code /stream/} and the stream's label (a time). */
  private static final java.util.regex.Pattern STREAM_ARN = java.util.regex.Pattern.compile(
      "arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:\\d{12}:table/[A-Za-z0-9_.-]{3,255}/stream/"
          + "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}");

  public StreamApi(Engine engine) {
    this.engine = engine;
  }

  public ObjectNode listStreams(JsonNode request) {
    String tableName = Json.optionalString(request, "TableName");
    if (tableName != null) {
      Json.checkTableName(tableName);
    }
    int limit = Json.optionalInt(request, "Limit", 1, MAX_PAGE, MAX_PAGE);
    String start = Json.optionalString(request, "ExclusiveStartStreamArn");
    List<Stream> streams = engine.streams();
    int from = 0;
    if (start != null) {
      from = indexOf(streams, start) + 1;
      if (from == 0) {
        throw ApiException.resourceNotFound("Stream: " + start + " not found");
      }
    }
    ObjectNode response = Json.object();
    ArrayNode page = response.putArray("Streams");
    for (Stream stream : streams.subList(from, streams.size())) {
      if (tableName != null && !stream.tableName().equals(tableName)) {
        continue;
      }
      if (page.size() == limit) {
        response.put("LastEvaluatedStreamArn", page.get(limit - 1).get("StreamArn").asText());
        break;
      }
      page.add(stream.summary());
    }
    return response;
  }

  public ObjectNode describeStream(JsonNode request) {
    Stream stream = engine.stream(streamArn(request), engine.now());
    int limit = Json.optionalInt(request, "Limit", 1, MAX_PAGE, MAX_PAGE);
    String start = Json.optionalString(request, "ExclusiveStartShardId");
    List<Shard> shards = stream.shards();
    int from = 0;
    if (start != null) {
      // DynamoDB Streams answers a shard id it does not know with no shards, not an error.
      Shard startShard = stream.shard(start);
      from = startShard == null ? shards.size() : shards.indexOf(startShard) + 1;
    }
    ObjectNode description = stream.describe();
    ArrayNode page = description.putArray("Shards");
    for (Shard shard : shards.subList(from, Math.min(shards.size(), from + limit))) {
      page.add(shard.describe());
    }
    if (from + limit < shards.size()) {
      description.put("LastEvaluatedShardId", shards.get(from + limit - 1).id());
    }
    ObjectNode response = Json.object();
    response.set("StreamDescription", description);
    return response;
  }

  public ObjectNode getShardIterator(JsonNode request) {
    Instant now = engine.now();
    Stream stream = engine.stream(streamArn(request), now);
    String shardId = Json.requiredString(request, "ShardId");
    if (shardId.length() < 28 || shardId.length() > 65) {
      throw Json.constraint("ShardId", shardId, "Member must have length between 28 and 65");
    }
    String type = Json.optionalEnum(request, "ShardIteratorType", ITERATOR_TYPES, null);
    if (type == null) {
      throw Json.missing("ShardIteratorType");
    }
    Shard shard = stream.shard(shardId);
    if (shard == null) {
      throw ApiException.resourceNotFound("Shard: " + shardId + " in stream " + stream.arn() + " not found");
    }
    if ((type.equals("TRIM_HORIZON") || type.equals("LATEST"))
        && Json.optionalString(request, "SequenceNumber") != null) {
      throw ApiException.validation("SequenceNumber may only be given with AT_SEQUENCE_NUMBER and"
          + " AFTER_SEQUENCE_NUMBER iterators, not " + type);
    }
    long position = switch (type) {
      case "TRIM_HORIZON" -> shard.trimmedThrough() + 1;
      case "LATEST" -> shard.isOpen() ? engine.lastSequence() + 1 : shard.endingSequence() + 1;
      case "AT_SEQUENCE_NUMBER" -> sequenceNumber(request, shard);
      default -> sequenceNumber(request, shard) + 1;
    };
    if (position <= shard.trimmedThrough()) {
      throw ApiException.trimmedDataAccess("The requested sequence number is older than the trim horizon of "
          + "shard " + shardId + ": its records have been trimmed");
    }
    ObjectNode response = Json.object();
    response.put("ShardIterator", new ShardIterator(stream.arn(), shardId, position, now.toEpochMilli()).encode());
    return response;
  }

  /**
   * GetRecords: the records from the iterator's position on. NextShardIterator is left out once a closed shard has
   * been read to its end, which tells the reader to continue with the child shards.
   */
  public ObjectNode getRecords(JsonNode request) {
    String text = Json.requiredString(request, "ShardIterator");
    if (text.isEmpty() || text.length() > 2048) {
      throw Json.constraint("ShardIterator", text, "Member must have length between 1 and 2048");
    }
    int limit = Json.optionalInt(request, "Limit", 1, MAX_RECORDS, MAX_RECORDS);
    ShardIterator iterator = ShardIterator.decode(text);
    Instant now = engine.now();
    Stream stream = engine.stream(iterator.streamArn(), now);
    Shard shard = stream.shard(iterator.shardId());
    if (shard == null) {
      throw ApiException.resourceNotFound("Shard: " + iterator.shardId() + " not found");
    }
    long age = now.toEpochMilli() - iterator.issuedMillis();
    if (age > ShardIterator.LIFETIME_MILLIS) {
      throw ApiException.expiredIterator("Iterator expired. The iterator was created at time "
          + Instant.ofEpochMilli(iterator.issuedMillis()) + " while right now it is " + now
          + " which is further in the future than the tolerated delay of " + ShardIterator.LIFETIME_MILLIS
          + " milliseconds.");
    }
    if (iterator.position() <= shard.trimmedThrough()) {
      throw ApiException.trimmedDataAccess("The iterator points to records of shard " + shard.id()
          + " that have been trimmed");
    }
    List<Shard.Entry> entries = shard.read(iterator.position(), limit, MAX_RECORD_BYTES);
    ObjectNode response = Json.object();
    ArrayNode records = response.putArray("Records");
    entries.forEach(entry -> records.addRawValue(new RawValue(entry.json())));
    long next = entries.isEmpty() ? iterator.position() : entries.get(entries.size() - 1).sequence() + 1;
    if (shard.isOpen() || shard.hasRecordsFrom(next)) {
      response.put("NextShardIterator",
          new ShardIterator(stream.arn(), shard.id(), next, now.toEpochMilli()).encode());
    }
    return response;
  }

  private static String streamArn(JsonNode request) {
    String arn = Json.requiredString(request, "StreamArn");
    if (arn.length() < 37 || arn.length() > 1024) {
      throw Json.constraint("StreamArn", arn, "Member must have length between 37 and 1024");
    }
    if (!STREAM_ARN.matcher(arn).matches()) {
      // Not a stream's ARN at all: DynamoDB Streams rejects it before looking for the stream.
      throw ApiException.validation("Invalid StreamArn: " + arn);
    }
    return arn;
  }

  /**
   * The SequenceNumber parameter, which must lie in the shard: from its first sequence number to its last, or for
   * the open shard to the last one handed out.
   */
  private long sequenceNumber(JsonNode request, Shard shard) {
    String text = Json.optionalString(request, "SequenceNumber");
    if (text == null) {
      throw ApiException.validation(
          "SequenceNumber is required for AT_SEQUENCE_NUMBER and AFTER_SEQUENCE_NUMBER iterators");
    }
    long sequence = SequenceNumbers.parse(text);
    long last = shard.isOpen() ? Math.max(shard.startingSequence(), engine.lastSequence()) : shard.endingSequence();
    if (sequence < shard.startingSequence() || sequence > last) {
      throw ApiException.validation("Invalid SequenceNumber " + text + " for shard " + shard.id());
    }
    return sequence;
  }

  private static int indexOf(List<Stream> streams, String arn) {
    for (int i = 0; i < streams.size(); i++) {
      if (streams.get(i).arn().equals(arn)) {
        return i;
      }
    }
    return -1;
  }
}
