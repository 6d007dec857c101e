package dev.laconic.local.poller;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each mapping stands in each shard of its stream, as Lambda keeps it: a checkpoint per
 * shard, after the last record the mapping is done with (delivered, filtered out or given up).
 *
 * <p>A batch still in the function, or being retried, is not done: its records are after the
 * checkpoint, and a mapping that goes on from the checkpoint sends them again, as Lambda sends a
 * batch again after an invocation that did not complete. A partial batch response moves the
 * checkpoint to the record before the first one reported.
 *
 * <p>Runners given the same checkpoints go on from them, as a mapping disabled and enabled again
 * does; a runner with checkpoints of its own (the default) starts each mapping at its
 * {@code StartingPosition}, as a new mapping does. Mappings are told apart by logical id and
 * stream ARN. Thread-safe: each mapping writes its own, on its own thread.
 */
public final class Checkpoints {

  /**
   * One shard's checkpoint.
   *
   * @param sequenceNumber the last record done, or null before the first
   * @param latestSince for a shard a LATEST mapping started reading before any record was done,
   *     when it started (what was written before is not delivered, to the second); else null
   * @param finished whether the shard is closed and every record of it done
   */
  record Position(String sequenceNumber, Instant latestSince, boolean finished) {}

  private final Map<String, Map<String, Position>> mappings = new ConcurrentHashMap<>();

  /** No checkpoints: every mapping starts at its {@code StartingPosition}. */
  public Checkpoints() {}

  /**
   * The sequence number of the last record {@code mapping} is done with in {@code shardId} of
   * {@code streamArn}, if any.
   */
  public Optional<String> sequenceNumber(String mapping, String streamArn, String shardId) {
    return position(mapping, streamArn, shardId).map(Position::sequenceNumber);
  }

  /** Whether {@code mapping} is done with every record of the closed shard {@code shardId}. */
  public boolean finished(String mapping, String streamArn, String shardId) {
    return position(mapping, streamArn, shardId).map(Position::finished).orElse(false);
  }

  /** Whether {@code mapping} has read {@code streamArn} before: any shard has a checkpoint. */
  boolean resumes(String mapping, String streamArn) {
    Map<String, Position> shards = mappings.get(key(mapping, streamArn));
    return shards != null && !shards.isEmpty();
  }

  Optional<Position> position(String mapping, String streamArn, String shardId) {
    Map<String, Position> shards = mappings.get(key(mapping, streamArn));
    return shards == null ? Optional.empty() : Optional.ofNullable(shards.get(shardId));
  }

  void put(String mapping, String streamArn, String shardId, Position position) {
    mappings.computeIfAbsent(key(mapping, streamArn), k -> new ConcurrentHashMap<>())
        .put(shardId, position);
  }

  private static String key(String mapping, String streamArn) {
    return mapping + " " + streamArn;
  }

  @Override
  public String toString() {
    return mappings.toString();
  }
}
