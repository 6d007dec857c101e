package com.example.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import dev.laconic.annotations.DynamoStreamTrigger;
import dev.laconic.annotations.LambdaFunction;
import dev.laconic.annotations.StartingPosition;

/**
 * The "echo" function of Sparta's DynamoDB guide, in Java: it logs when operations are performed
 * on the Orders table, so they can be analysed offline.
 */
public class OrderEvents {

  /** Logs the request id, then each record's keys and new image. */
  @LambdaFunction(memorySize = 512, description = "Logs every change of the Orders table")
  @DynamoStreamTrigger(
      streamArn = "@OrdersTable",
      startingPosition = StartingPosition.TRIM_HORIZON,
      batchSize = 10)
  public void echo(DynamodbEvent event, Context context) {
    LambdaLogger logger = context.getLogger();
    logger.log("Request received: RequestID=" + context.getAwsRequestId());
    for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
      logger.log("DynamoDb Event: Keys=" + record.getDynamodb().getKeys()
          + " NewImage=" + record.getDynamodb().getNewImage());
    }
  }
}
