package dev.laconic.local.engine.storage;

import dev.laconic.local.engine.protocol.ApiException;
import dev.laconic.local.engine.stream.Stream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The state behind one endpoint: tables, every stream ever created, and the counters for sequence numbers and
 * shard ids.
 *
 * <p>Not thread-safe by itself: callers hold the engine's monitor for each whole operation, which also keeps every
 * stream's records in the order their writes happened.
 */
public final class Engine {
  private static final DateTimeFormatter LABEL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private final Clock clock;
  private final String region;
  private final String accountId;
  private final int recordsPerShard;
  private final NavigableMap<String, Table> tables = new TreeMap<>();
  private final Map<String, Stream> streams = new LinkedHashMap<>();
  private long sequence;
  private long shardSerial;
  private long lastExpiry = Long.MIN_VALUE;

  public Engine(Clock clock, String region, String accountId, int recordsPerShard) {
    this.clock = clock;
    this.region = region;
    this.accountId = accountId;
    this.recordsPerShard = recordsPerShard;
  }

  public Instant now() {
    return clock.instant();
  }

  /**
   * Deletes what TTL has expired in every table, at most once a second of the engine's clock:
   * the endpoint calls it before each request, so an expired item is gone by the next request
   * (DynamoDB takes up to a few days).
   */
  public void expireItems() {
    Instant now = now();
    if (now.getEpochSecond() == lastExpiry) {
      return;
    }
    lastExpiry = now.getEpochSecond();
    tables.values().forEach(table -> table.expire(now));
  }

  public String region() {
    return region;
  }

  public String accountId() {
    return accountId;
  }

  public int recordsPerShard() {
    return recordsPerShard;
  }

  /** Tables by name, in name order. */
  public NavigableMap<String, Table> tables() {
    return tables;
  }

  public Table table(String name) {
    Table table = tables.get(name);
    if (table == null) {
      throw ApiException.resourceNotFound("Table: " + name + " not found");
    }
    return table;
  }

  /** Every stream, in creation order, including those of deleted tables. */
  public List<Stream> streams() {
    return new ArrayList<>(streams.values());
  }

  /** The stream with this ARN, or {@code null}. */
  public Stream findStream(String arn) {
    return streams.get(arn);
  }

  /** The stream with this ARN, its records trimmed to {@code now}. */
  public Stream stream(String arn, Instant now) {
    Stream stream = streams.get(arn);
    if (stream == null) {
      throw ApiException.resourceNotFound("Stream: " + arn + " not found");
    }
    stream.trim(now);
    return stream;
  }

  /**
   * Creates an enabled stream for a table. Its label is the creation time; a label the table has already used
   * (possible with a fixed clock) is moved on by a millisecond so ARNs stay unique.
   */
  public Stream createStream(Table table, String viewType) {
    Instant created = now();
    while (streams.containsKey(Stream.arn(this, table.name(), LABEL.format(created)))) {
      created = created.plusMillis(1);
    }
    Stream stream = new Stream(this, table.name(), table.keySchema(), viewType, LABEL.format(created), created);
    streams.put(stream.arn(), stream);
    return stream;
  }

  public long nextSequence() {
    return ++sequence;
  }

  public long lastSequence() {
    return sequence;
  }

  /** Makes sure no later record gets {@code used} or a lower sequence number. */
  public void reserveSequence(long used) {
    sequence = Math.max(sequence, used);
  }

  /**
   * A new shard id in the AWS form {@code shardId-<20-digit creation millis>-<8 hex digits>}; the hex part is a
   * bijective scramble of a counter, so ids are unique.
   */
  public String nextShardId(Instant now) {
    shardSerial++;
    return String.format("shardId-%020d-%08x", now.toEpochMilli(), (int) (shardSerial * 0x9E3779B1L));
  }
}
