package dev.laconic.json;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent.KinesisEventRecord;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.laconic.stream.MappingException;
import java.nio.ByteBuffer;
import java.util.function.Function;

/**
 * The JSON payload of a Kinesis record or an SQS message read into the handler's type with its
 * generated reader, so that a value that does not fit names the record or message it came from:
 * {@code Cannot map the body of the message with id 059f…: order.qty: expected a number (int),
 * found string "two"}. What generated adapters call for handlers of the user's own type.
 */
public final class JsonPayloads {

  private JsonPayloads() {}

  /** The record's {@code data} read with {@code reader}, such as {@code OrderJsonReader::fromJson}. */
  public static <T> T data(KinesisEventRecord record, Function<ByteBuffer, T> reader) {
    try {
      return reader.apply(record.getKinesis() == null ? null : record.getKinesis().getData());
    } catch (MappingException e) {
      throw e.inRecord("data",
          record.getKinesis() == null ? null : record.getKinesis().getSequenceNumber());
    }
  }

  /** The message's {@code body} read with {@code reader}, such as {@code OrderJsonReader::fromJson}. */
  public static <T> T body(SQSMessage message, Function<String, T> reader) {
    try {
      return reader.apply(message.getBody());
    } catch (MappingException e) {
      throw e.inMessage("body", message.getMessageId());
    }
  }
}
