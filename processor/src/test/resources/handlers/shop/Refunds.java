package shop;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.laconic.annotations.DynamoStreamTrigger;
import dev.laconic.annotations.LambdaFunction;
import dev.laconic.annotations.MappingMetric;
import dev.laconic.annotations.StartingPosition;

public class Refunds {

  @LambdaFunction(name = "shop-refunds", timeout = 120, logRetentionDays = 90)
  @DynamoStreamTrigger(
      streamArn = "arn:aws:dynamodb:us-west-2:000000000000:table/Refunds/stream/2015-12-05T16:28:11.869",
      startingPosition = StartingPosition.LATEST,
      batchSize = 500,
      enabled = false,
      maximumBatchingWindowInSeconds = 30,
      maximumRetryAttempts = 5,
      maximumRecordAgeInSeconds = 3600,
      bisectBatchOnFunctionError = true,
      parallelizationFactor = 4,
      onFailure = "arn:aws:sqs:us-west-2:000000000000:refund-failures",
      filters = {
        "{\"eventName\": [\"INSERT\", \"MODIFY\"]}",
        "{\"dynamodb\": {\"NewImage\": {\"amount\": {\"N\": [{\"anything-but\": [\"0\"]}]}}}}"
      },
      metrics = MappingMetric.EVENT_COUNT)
  @DynamoStreamTrigger(streamArn = "${OrdersStreamArn}", onFailure = "arn:aws:s3:::refund-failures")
  public StreamsEventResponse refund(DynamodbEvent event) {
    return new StreamsEventResponse();
  }
}
