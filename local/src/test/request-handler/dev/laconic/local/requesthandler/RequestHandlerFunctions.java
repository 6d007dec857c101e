package dev.laconic.local.requesthandler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import dev.laconic.annotations.DynamoStreamTrigger;

/**
 * Functions compiled a second time with {@code -Alaconic.adapter=request-handler} into a class
 * directory of their own (see the pom): their adapters are {@code RequestHandler}s, and the Lambda
 * runtime's serializer reads the event for them.
 */
public final class RequestHandlerFunctions {

  static final String ITEMS_STREAM =
      "arn:aws:dynamodb:us-east-1:123456789012:table/Items/stream/2026-01-01T00:00:00.000";

  /** One record at a time; a REMOVE fails. */
  public static class PerRecord {
    @DynamoStreamTrigger(streamArn = ITEMS_STREAM)
    public void handle(DynamodbStreamRecord record, Context context) {
      context.getLogger().log(record.getEventName() + " "
          + record.getDynamodb().getSequenceNumber());
      if (record.getEventName().equals("REMOVE")) {
        throw new IllegalStateException("cannot remove " + record.getDynamodb().getKeys());
      }
    }
  }

  /** A batch: logs how many records it got, and whether its loader is the context's. */
  public static class Batch {
    @DynamoStreamTrigger(streamArn = ITEMS_STREAM)
    public void handle(DynamodbEvent event, Context context) {
      context.getLogger().log(event.getRecords().size() + " records, context class loader "
          + (Thread.currentThread().getContextClassLoader() == getClass().getClassLoader()));
    }
  }
}
