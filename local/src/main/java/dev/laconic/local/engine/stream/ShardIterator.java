package dev.laconic.local.engine.stream;

import dev.laconic.local.engine.protocol.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A shard iterator: the stream, the shard, the sequence number of the next record to return and the time it was
 * issued, carried in the opaque iterator string so the engine keeps no per-iterator state.
 *
 * <p>"A shard iterator expires 15 minutes after it is returned to the requester"
 * (<a href="https://docs.aws.amazon.com/amazondynamodbstreams/latest/APIReference/API_GetShardIterator.html">GetShardIterator</a>).
 */
record ShardIterator(String streamArn, String shardId, long position, long issuedMillis) {
  /** How long an iterator stays valid. */
  static final long LIFETIME_MILLIS = 15 * 60 * 1000;

  String encode() {
    String text = streamArn + "|" + shardId + "|" + position + "|" + issuedMillis;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  static ShardIterator decode(String iterator) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(iterator), StandardCharsets.UTF_8);
      String[] parts = text.split("\\|");
      if (parts.length != 4) {
        throw invalid();
      }
      return new ShardIterator(parts[0], parts[1], Long.parseLong(parts[2]), Long.parseLong(parts[3]));
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
  }

  private static ApiException invalid() {
    return ApiException.validation("Invalid ShardIterator");
  }
}
