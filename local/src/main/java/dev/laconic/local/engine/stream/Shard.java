package dev.laconic.local.engine.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.laconic.local.engine.protocol.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One shard of a stream: an append-only run of records with increasing sequence numbers, open until it is closed
 * and then read-only.
 *
 * <p>Records older than the retention period are trimmed from the front; {@link #trimmedThrough()} remembers how
 * far, so readers positioned before it get {@code TrimmedDataAccessException}. See
 * <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Streams.html#Streams.Processing">Reading
 * and processing a stream</a>.
 */
final class Shard {
  /**
   * A stored record: its sequence number, write time, size and GetRecords JSON, as text. As text
   * it weighs about half its node tree and holds on to no image of an item written since: the
   * runner's load test (100,000 records of 50,000 items) keeps 178 MB on the heap instead of
   * 337 MB, which every full collection walked. GetRecords no longer serializes the tree again
   * for each read either.
   */
  record Entry(long sequence, Instant created, long sizeBytes, String json) {
  }

  private final String id;
  private final String parentId;
  private final long startingSequence;
  private final List<Entry> entries = new ArrayList<>();
  private Long endingSequence;
  private long trimmedThrough;
  private long lastAppended;
  private int appended;

  Shard(String id, String parentId, long startingSequence) {
    this.id = id;
    this.parentId = parentId;
    this.startingSequence = startingSequence;
    this.trimmedThrough = startingSequence - 1;
    this.lastAppended = startingSequence - 1;
  }

  String id() {
    return id;
  }

  long startingSequence() {
    return startingSequence;
  }

  boolean isOpen() {
    return endingSequence == null;
  }

  /** The last sequence number of a closed shard. */
  long endingSequence() {
    return endingSequence;
  }

  /** The sequence number of the newest trimmed record, or one less than the starting sequence number. */
  long trimmedThrough() {
    return trimmedThrough;
  }

  /** How many records were ever written to the shard, trimmed ones included. */
  int appended() {
    return appended;
  }

  void append(Entry entry) {
    entries.add(entry);
    lastAppended = entry.sequence();
    appended++;
  }

  /**
   * Closes the shard after its last record; an empty shard ends at its starting sequence number, which the caller
   * must not hand out again.
   */
  long close() {
    endingSequence = appended == 0 ? startingSequence : lastAppended;
    return endingSequence;
  }

  /** Drops the records written before {@code cutoff}. */
  void trim(Instant cutoff) {
    int count = 0;
    while (count < entries.size() && entries.get(count).created().isBefore(cutoff)) {
      count++;
    }
    if (count > 0) {
      trimmedThrough = entries.get(count - 1).sequence();
      entries.subList(0, count).clear();
    }
  }

  /**
   * Up to {@code limit} records from sequence number {@code position} on, stopping once {@code maxBytes} is
   * reached (at least one record is returned when there is one).
   */
  List<Entry> read(long position, int limit, long maxBytes) {
    List<Entry> result = new ArrayList<>();
    long bytes = 0;
    for (int i = firstAtOrAfter(position); i < entries.size() && result.size() < limit && bytes < maxBytes; i++) {
      result.add(entries.get(i));
      bytes += entries.get(i).sizeBytes();
    }
    return result;
  }

  /** Whether any record has a sequence number of {@code position} or more. */
  boolean hasRecordsFrom(long position) {
    return firstAtOrAfter(position) < entries.size();
  }

  private int firstAtOrAfter(long position) {
    int low = 0;
    int high = entries.size();
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (entries.get(middle).sequence() < position) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  /** The DescribeStream {@code Shard} structure. */
  ObjectNode describe() {
    ObjectNode shard = Json.object();
    shard.put("ShardId", id);
    if (parentId != null) {
      shard.put("ParentShardId", parentId);
    }
    ObjectNode range = shard.putObject("SequenceNumberRange");
    range.put("StartingSequenceNumber", SequenceNumbers.format(startingSequence));
    if (endingSequence != null) {
      range.put("EndingSequenceNumber", SequenceNumbers.format(endingSequence));
    }
    return shard;
  }
}
