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
      throw new IllegalStateException("The " + record.getEventName() + " record with sequence"
          + " number " + sequenceNumber(record) + " has no NewImage. The stream's view type must"
          + " be NEW_IMAGE or NEW_AND_OLD_IMAGES for a handler that takes the new image.");
    }
    return map("NewImage", data.getNewImage(), record, mapper);
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
