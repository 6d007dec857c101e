package dev.laconic.stream;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One change of a DynamoDB item, with its images mapped to the handler's own type {@code T}.
 *
 * <pre>
 * &#64;DynamoStreamTrigger(streamArn = "${OrdersStreamArn}")
 * public void onChange(StreamChange&lt;Order&gt; change) {
 *   if (change.eventName() == StreamChange.EventName.REMOVE) { ... change.oldImage() ... }
 * }
 * </pre>
 *
 * <p>Which images are present depends on the stream's view type: {@code NEW_IMAGE} gives only
 * {@link #newImage()}, {@code OLD_IMAGE} only {@link #oldImage()}, {@code NEW_AND_OLD_IMAGES} both
 * where the change has them (an INSERT has no old image, a REMOVE no new image), and
 * {@code KEYS_ONLY} neither.
 *
 * @param eventName what happened to the item
 * @param keys the item's key attributes, as DynamoDB sent them
 * @param oldImage the item before the change, mapped to {@code T}
 * @param newImage the item after the change, mapped to {@code T}
 * @param sequenceNumber the record's position in its shard, as Lambda reports it in partial batch
 *     failures
 * @param approximateCreationTime when DynamoDB wrote the change, or null when the record does not
 *     say
 * @param sizeBytes the size of the stream record, -1 when the record does not say
 * @param record the raw record, for whatever else it carries (event id, user identity, ARN)
 * @param key the record's {@code Keys} mapped to {@code T}, only its key properties set, for an
 *     item type that declares its keys (an Enhanced Client type's {@code @DynamoDbPartitionKey}
 *     and {@code @DynamoDbSortKey}); empty for other types and for a record without keys
 * @param <T> the item type
 */
public record StreamChange<T>(
    EventName eventName,
    Map<String, AttributeValue> keys,
    Optional<T> oldImage,
    Optional<T> newImage,
    String sequenceNumber,
    Instant approximateCreationTime,
    long sizeBytes,
    DynamodbStreamRecord record,
    Optional<T> key) {

  /** The kind of change, DynamoDB's {@code eventName}. */
  public enum EventName {
    /** A new item was added. */
    INSERT,
    /** An existing item was changed. */
    MODIFY,
    /** An item was deleted (also by TTL: then {@code record().getUserIdentity()} is set). */
    REMOVE
  }

  public StreamChange {
    keys = keys == null ? Map.of() : keys;
    oldImage = oldImage == null ? Optional.empty() : oldImage;
    newImage = newImage == null ? Optional.empty() : newImage;
    key = key == null ? Optional.empty() : key;
  }

  /** A change of an item type that declares no keys: {@link #key()} is empty. */
  public StreamChange(EventName eventName, Map<String, AttributeValue> keys, Optional<T> oldImage,
      Optional<T> newImage, String sequenceNumber, Instant approximateCreationTime,
      long sizeBytes, DynamodbStreamRecord record) {
    this(eventName, keys, oldImage, newImage, sequenceNumber, approximateCreationTime, sizeBytes,
        record, Optional.empty());
  }
}
