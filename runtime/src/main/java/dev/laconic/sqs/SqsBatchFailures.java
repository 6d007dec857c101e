package dev.laconic.sqs;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.laconic.stream.BatchItemFailures;
import java.util.ArrayList;
import java.util.List;

/**
 * The partial batch response of a generated per-message SQS adapter. On a standard queue every
 * message that failed is reported and the others are deleted. On a FIFO queue the first failure
 * and every later message of the batch are reported without being handled, so the messages of a
 * group keep their order when Lambda delivers them again.
 *
 * <pre>
 * SqsBatchFailures failures = new SqsBatchFailures("Orders.onMessage", context);
 * for (SQSMessage message : event.getRecords()) {
 *   if (failures.skips(message)) continue;
 *   try { handler.onMessage(message); } catch (Exception e) { failures.failed(message, e); }
 * }
 * return failures.response();
 * </pre>
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html">
 *     Handling errors for an SQS event source</a>
 */
public final class SqsBatchFailures {

  private final String function;
  private final Context context;
  private final List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
  private boolean fifoFailed;

  /** @param function the handler, for the log: {@code Orders.onMessage} */
  public SqsBatchFailures(String function, Context context) {
    this.function = function;
    this.context = context;
  }

  /**
   * Whether {@code message} must not be handled: on a FIFO queue, after a failure, it is
   * reported as failed instead, so it comes back after the one that failed.
   */
  public boolean skips(SQSMessage message) {
    if (fifoFailed) {
      failures.add(new SQSBatchResponse.BatchItemFailure(messageId(message)));
      return true;
    }
    return false;
  }

  /** Logs that handling {@code message} threw {@code failure}, and reports the message. */
  public void failed(SQSMessage message, Exception failure) {
    String messageId = messageId(message);
    boolean fifo = isFifo(message);
    BatchItemFailures.log(function + " failed on message " + messageId + "; reporting it as a"
        + " batch item failure so Lambda delivers it again"
        + (fifo ? ", with every later message of this FIFO batch, unhandled.\n" : ".\n")
        + BatchItemFailures.trace(failure), context);
    // A null or empty identifier makes Lambda fail and retry the whole batch.
    failures.add(new SQSBatchResponse.BatchItemFailure(messageId));
    fifoFailed |= fifo;
  }

  /** The response: the messages reported, in batch order; none when all succeeded. */
  public SQSBatchResponse response() {
    return new SQSBatchResponse(List.copyOf(failures));
  }

  /**
   * Whether {@code message} came from a FIFO queue: its source ARN ends in {@code .fifo}, as
   * every FIFO queue's name must. A {@code MessageGroupId} does not tell: standard queues carry
   * one too when they are fair queues, and treating those as FIFO would send healthy messages
   * back, unhandled, behind every failure.
   */
  static boolean isFifo(SQSMessage message) {
    String arn = message == null ? null : message.getEventSourceArn();
    return arn != null && arn.endsWith(".fifo");
  }

  private static String messageId(SQSMessage message) {
    return message == null ? null : message.getMessageId();
  }
}
