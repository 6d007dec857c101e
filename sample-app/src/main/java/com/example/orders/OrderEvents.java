package com.example.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import dev.laconic.annotations.DynamoStreamTrigger;
import dev.laconic.annotations.LambdaFunction;
import dev.laconic.annotations.LogFormat;
import dev.laconic.annotations.StartingPosition;
import dev.laconic.logging.StructuredLog;
import java.util.Map;

/**
 * The "echo" function of Sparta's DynamoDB guide, in Java: it logs when operations are performed
 * on the Orders table, so they can be analysed offline.
 */
public class OrderEvents {

  /**
   * Logs the request id, then each record's keys and new image, as fields of JSON log records
   * (the Go original's logrus fields), which CloudWatch Logs Insights can query by name.
   */
  @LambdaFunction(memorySize = 512, description = "Logs every change of the Orders table",
      logFormat = LogFormat.JSON)
  @DynamoStreamTrigger(
      streamArn = "@OrdersTable",
      startingPosition = StartingPosition.TRIM_HORIZON,
      batchSize = 10)
  public void echo(DynamodbEvent event, Context context) {
    StructuredLog log = StructuredLog.of(context);
    log.info("Request received", Map.of("RequestID", context.getAwsRequestId()));
    for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
      log.info("DynamoDb Event", Map.of(
          "Keys", record.getDynamodb().getKeys(),
          "NewImage", record.getDynamodb().getNewImage() == null ? Map.of()
              : record.getDynamodb().getNewImage()));
    }
  }
}
