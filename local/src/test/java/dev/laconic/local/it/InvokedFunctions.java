package dev.laconic.local.it;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import dev.laconic.annotations.DynamoStreamTrigger;
import dev.laconic.annotations.LambdaFunction;

/**
 * The functions the invocation tests call with real DynamoDB events, compiled by the Laconic
 * processor like {@link TestFunctions}: each logs what it receives, so that a test can read it.
 */
public final class InvokedFunctions {

  /** A batch, with a name, memory, timeout and environment the context reports. */
  public static class Batch {
    @LambdaFunction(name = "invoked-batch", memorySize = 256, timeout = 20,
        environment = "LACONIC_TEST_GREETING=hello from the template")
    @DynamoStreamTrigger(streamArn = "${ItemsStream}")
    public void handle(DynamodbEvent event, Context context) {
      LambdaLogger logger = context.getLogger();
      logger.log(context.getFunctionName() + " " + context.getMemoryLimitInMB() + " MB "
          + context.getInvokedFunctionArn() + " remaining<=20s="
          + (context.getRemainingTimeInMillis() <= 20_000));
      for (DynamodbStreamRecord record : event.getRecords()) {
        logger.log(record.getEventName() + " " + record.getDynamodb().getSequenceNumber() + " "
            + record.getEventSourceARN());
      }
    }
  }

  /** One record at a time; a REMOVE fails. */
  public static class PerRecord {
    @DynamoStreamTrigger(streamArn = "${ItemsStream}")
    public void handle(DynamodbStreamRecord record, Context context) {
      context.getLogger().log(record.getEventName() + " "
          + record.getDynamodb().getSequenceNumber());
      if (record.getEventName().equals("REMOVE")) {
        throw new IllegalStateException("cannot remove " + record.getDynamodb().getKeys());
      }
    }
  }

  /** A batch function that always throws. */
  public static class Failing {
    @DynamoStreamTrigger(streamArn = "${ItemsStream}")
    public void handle(DynamodbEvent event) {
      throw new IllegalStateException("failed on " + event.getRecords().size() + " records");
    }
  }
}
