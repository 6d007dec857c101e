package dev.laconic.stream;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What generated adapters and mappers do with one stream record: decide whether a typed handler
 * sees it, map its images, and place any mapping failure in the record.
 *
 * <p>Mappers hand over their image reader ({@link AttributeJsonReader} over an item's JSON): an
 * image still held as the event's bytes ({@code LazyStreamRecord}, as the event readers and
 * {@code KinesisDynamoRecords} make them) is read from those bytes without building its map; an
 * image given as a map (a record built by hand) is written as the same JSON and read alike, so
 * both map with one set of rules ({@link ItemJson}).
 */
public final class StreamRecords {

  private StreamRecords() {}

  /** Whether the record is a REMOVE, which a handler of new images does not see. */
  public static boolean isRemove(DynamodbStreamRecord record) {
    return "REMOVE".equals(record.getEventName());
  }

  /**
   * The record's new image mapped with {@code mapper}. A missing new image is a failure: the
   * stream's view type must include new images.
   */
  public static <T> T newImage(
      DynamodbStreamRecord record, Function<Map<String, AttributeValue>, T> mapper) {
    StreamRecord data = record.getDynamodb();
    if (data == null || data.getNewImage() == null) {
      throw noNewImage(record);
    }
    return map("NewImage", data.getNewImage(), record, mapper);
  }

  /**
   * The record's new image read with {@code image}, a mapper's image reader, from
   * {@code path}. A missing new image is a failure: the stream's view type must include new
   * images.
   */
  public static <T> T newImage(DynamodbStreamRecord record, AttributePath path,
      AttributeJsonReader<T> image) {
    StreamRecord data = record.getDynamodb();
    if (data == null || !hasNewImage(data)) {
      throw noNewImage(record);
    }
    return read(true, data, record, path, image);
  }

  /** The record as a {@link StreamChange}, both images read with {@code image}. */
  public static <T> StreamChange<T> change(DynamodbStreamRecord record, AttributePath path,
      AttributeJsonReader<T> image) {
    return change(record, path, image, null);
  }

  /**
   * The record as a {@link StreamChange}, both images read with {@code image}, its
   * {@code Keys} with {@code key} (a mapper's reader of the key properties only) into
   * {@link StreamChange#key()}.
   */
  public static <T> StreamChange<T> change(DynamodbStreamRecord record, AttributePath path,
      AttributeJsonReader<T> image, AttributeJsonReader<T> key) {
    StreamRecord data = record.getDynamodb();
    StreamChange.EventName eventName = eventName(record);
    if (data == null) {
      return new StreamChange<>(eventName, Map.of(), Optional.empty(), Optional.empty(), null,
          null, -1, record);
    }
    return new StreamChange<>(
        eventName,
        data.getKeys(),
        Optional.ofNullable(read(false, data, record, path, image)),
        Optional.ofNullable(read(true, data, record, path, image)),
        data.getSequenceNumber(),
        data.getApproximateCreationDateTime() == null
            ? null : data.getApproximateCreationDateTime().toInstant(),
        data.getSizeBytes() == null ? -1 : data.getSizeBytes(),
        record,
        Optional.ofNullable(key == null ? null : keys(data, record, path, key)));
  }

  private static <T> T keys(StreamRecord data, DynamodbStreamRecord record, AttributePath path,
      AttributeJsonReader<T> key) {
    try {
      return ItemJson.fromAttributes(data.getKeys(), path, key);
    } catch (MappingException e) {
      throw e.inRecord("Keys", sequenceNumber(record));
    }
  }

  private static boolean hasNewImage(StreamRecord data) {
    return data instanceof LazyStreamRecord lazy ? lazy.hasNewImage() : data.getNewImage() != null;
  }

  private static <T> T read(boolean newImage, StreamRecord data, DynamodbStreamRecord record,
      AttributePath path, AttributeJsonReader<T> image) {
    try {
      if (data instanceof LazyStreamRecord lazy) {
        return newImage ? lazy.readNewImage(path, image) : lazy.readOldImage(path, image);
      }
      return ItemJson.fromAttributes(newImage ? data.getNewImage() : data.getOldImage(), path,
          image);
    } catch (MappingException e) {
      throw e.inRecord(newImage ? "NewImage" : "OldImage", sequenceNumber(record));
    }
  }

  private static IllegalStateException noNewImage(DynamodbStreamRecord record) {
    return new IllegalStateException("The " + record.getEventName() + " record with sequence"
        + " number " + sequenceNumber(record) + " has no NewImage. The stream's view type must"
        + " be NEW_IMAGE or NEW_AND_OLD_IMAGES for a handler that takes the new image.");
  }

  /** The record as a {@link StreamChange}, both images mapped with {@code mapper}. */
  public static <T> StreamChange<T> change(
      DynamodbStreamRecord record, Function<Map<String, AttributeValue>, T> mapper) {
    StreamRecord data = record.getDynamodb();
    StreamChange.EventName eventName = eventName(record);
    if (data == null) {
      return new StreamChange<>(eventName, Map.of(), Optional.empty(), Optional.empty(), null,
          null, -1, record);
    }
    return new StreamChange<>(
        eventName,
        data.getKeys(),
        Optional.ofNullable(map("OldImage", data.getOldImage(), record, mapper)),
        Optional.ofNullable(map("NewImage", data.getNewImage(), record, mapper)),
        data.getSequenceNumber(),
        data.getApproximateCreationDateTime() == null
            ? null : data.getApproximateCreationDateTime().toInstant(),
        data.getSizeBytes() == null ? -1 : data.getSizeBytes(),
        record);
  }

  private static StreamChange.EventName eventName(DynamodbStreamRecord record) {
    String name = record.getEventName();
    if (name != null) {
      switch (name) {
        case "INSERT":
          return StreamChange.EventName.INSERT;
        case "MODIFY":
          return StreamChange.EventName.MODIFY;
        case "REMOVE":
          return StreamChange.EventName.REMOVE;
        default:
          break;
      }
    }
    throw new IllegalStateException("The record with sequence number " + sequenceNumber(record)
        + " has eventName " + (name == null ? "null" : "\"" + name + "\"")
        + "; DynamoDB streams send INSERT, MODIFY or REMOVE.");
  }

  private static <T> T map(String image, Map<String, AttributeValue> attributes,
      DynamodbStreamRecord record, Function<Map<String, AttributeValue>, T> mapper) {
    if (attributes == null) {
      return null;
    }
    try {
      return mapper.apply(attributes);
    } catch (MappingException e) {
      throw e.inRecord(image, sequenceNumber(record));
    }
  }

  private static String sequenceNumber(DynamodbStreamRecord record) {
    return record.getDynamodb() == null ? null : record.getDynamodb().getSequenceNumber();
  }
}
