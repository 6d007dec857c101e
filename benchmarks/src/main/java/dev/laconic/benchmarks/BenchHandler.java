package dev.laconic.benchmarks;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import dev.laconic.annotations.DynamoStreamTrigger;

/**
 * The function both paths run: a per-record handler that reads every record's keys and new image,
 * as a real handler would, so neither path can skip building them.
 */
public class BenchHandler {

  /** Sums what the handler saw, so the JIT cannot drop the work. */
  public static long checksum;

  @DynamoStreamTrigger(streamArn = "${BenchStreamArn}")
  public void onRecord(DynamodbStreamRecord record) {
    checksum += record.getDynamodb().getKeys().size()
        + record.getDynamodb().getNewImage().size()
        + record.getDynamodb().getSequenceNumber().length();
  }
}
