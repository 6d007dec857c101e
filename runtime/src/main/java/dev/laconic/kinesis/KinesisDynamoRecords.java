package dev.laconic.kinesis;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent.KinesisEventRecord;
import dev.laconic.stream.DynamoRecordJson;
import dev.laconic.stream.EventJson;
import dev.laconic.stream.MalformedEventException;
import java.nio.ByteBuffer;

/**
 * Turns the records of a Kinesis data stream that Kinesis Data Streams for DynamoDB writes into
 * the DynamoDB stream records that mappers and {@code StreamChange} handlers take.
 *
 * <p>Each Kinesis record's data is one DynamoDB change record in JSON
 * (<a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/kds.html">Kinesis
 * Data Streams for DynamoDB</a>): {@code awsRegion}, {@code eventID}, {@code eventName},
 * {@code userIdentity}, {@code recordFormat}, {@code tableName}, {@code eventSource} and a
 * {@code dynamodb} object with {@code Keys}, {@code NewImage}, {@code OldImage},
 * {@code SizeBytes} and {@code ApproximateCreationDateTime} in epoch milliseconds (or
 * microseconds, when {@code ApproximateCreationDateTimePrecision} says {@code MICROSECOND}), but
 * no {@code SequenceNumber}. The record built carries:
 * <ul>
 *   <li>as {@code dynamodb.sequenceNumber}, the Kinesis record's sequence number: the identifier
 *       a Kinesis mapping's partial batch response must name, so a failure reported through
 *       {@code StreamChange.sequenceNumber()} retries from the right record;
 *   <li>as {@code eventSourceARN}, the Kinesis stream's ARN (the change record names only its
 *       table, and {@code DynamodbStreamRecord} has no field for the table name);
 *   <li>the creation time to the millisecond, where a DynamoDB stream gives whole seconds;
 *   <li>the keys and images as the same {@code AttributeValue} maps a DynamoDB stream event gives,
 *       checked now and built when first asked for; a generated mapper reads the images straight
 *       from the data's bytes and never builds them ({@code StreamRecords}).
 * </ul>
 */
public final class KinesisDynamoRecords {

  private KinesisDynamoRecords() {}

  /**
   * The DynamoDB change in {@code record}'s data; null for a null record.
   *
   * @throws MalformedEventException naming the Kinesis sequence number when the data is not a
   *     DynamoDB change record
   */
  public static DynamodbStreamRecord toStreamRecord(KinesisEventRecord record) {
    if (record == null) {
      return null;
    }
    KinesisEvent.Record kinesis = record.getKinesis();
    String sequenceNumber = kinesis == null ? null : kinesis.getSequenceNumber();
    EventJson messages = new EventJson("DynamoDB change record in the data of the Kinesis record"
        + " with sequence number " + sequenceNumber, "data");
    ByteBuffer data = kinesis == null ? null : kinesis.getData();
    if (data == null) {
      throw messages.malformed("there is no data");
    }
    // A copy: images are built later from these bytes, and the buffer is the handler's to change.
    byte[] bytes = new byte[data.remaining()];
    data.duplicate().get(bytes);
    DynamodbStreamRecord change = DynamoRecordJson.readKinesisData(bytes, messages);
    if (change == null || change.getDynamodb() == null) {
      throw messages.malformed("the data is not a DynamoDB change record: it has no dynamodb"
          + " object");
    }
    change.getDynamodb().setSequenceNumber(sequenceNumber);
    change.setEventSourceARN(record.getEventSourceARN());
    return change;
  }
}
