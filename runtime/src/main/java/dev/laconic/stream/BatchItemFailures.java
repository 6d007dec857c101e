package dev.laconic.stream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent.KinesisEventRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/**
 * What a generated per-record adapter answers when a record fails: the failure is logged, and the
 * record is reported as the only batch item failure, by its sequence number. Lambda then retries
 * the batch from that record, so no record after it is skipped and the stream's order holds.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-batchfailurereporting.html">
 *     Partial batch responses for streams</a>
 */
public final class BatchItemFailures {

  private BatchItemFailures() {}

  /**
   * Logs that {@code function} failed on the DynamoDB stream {@code record} and reports it.
   *
   * @param function the handler, for the log: {@code OrderAudit.audit}
   * @param record the record that failed; null when the event had a null record
   */
  public static StreamsEventResponse firstFailure(String function, DynamodbStreamRecord record,
      Exception failure, Context context) {
    String sequenceNumber = record == null || record.getDynamodb() == null
        ? null : record.getDynamodb().getSequenceNumber();
    return firstFailure(function, sequenceNumber, record == null ? null : record.getEventID(),
        failure, context);
  }

  /** Logs that {@code function} failed on the Kinesis {@code record} and reports it. */
  public static StreamsEventResponse firstFailure(String function, KinesisEventRecord record,
      Exception failure, Context context) {
    String sequenceNumber = record == null || record.getKinesis() == null
        ? null : record.getKinesis().getSequenceNumber();
    return firstFailure(function, sequenceNumber, record == null ? null : record.getEventID(),
        failure, context);
  }

  private static StreamsEventResponse firstFailure(String function, String sequenceNumber,
      String eventId, Exception failure, Context context) {
    log(function + " failed on record with sequence number " + sequenceNumber + " (event id "
        + eventId + "); reporting it as a batch item failure so Lambda retries from it.\n"
        + trace(failure), context);
    // A null or empty identifier makes Lambda fail and retry the whole batch.
    return new StreamsEventResponse(
        List.of(new StreamsEventResponse.BatchItemFailure(sequenceNumber)));
  }

  /**
   * Writes {@code message} to the function's log, or to standard error without a logger: how
   * every generated adapter reports a failure it answers for, SQS's too.
   */
  public static void log(String message, Context context) {
    if (context != null && context.getLogger() != null) {
      context.getLogger().log(message);
    } else {
      System.err.println(message);
    }
  }

  /** The stack trace of {@code failure}, as {@code printStackTrace} prints it. */
  public static String trace(Exception failure) {
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    return trace.toString();
  }
}
