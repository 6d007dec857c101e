package it;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.laconic.annotations.DynamoStreamTrigger;
import dev.laconic.annotations.LambdaFunction;
import dev.laconic.annotations.SqsTrigger;

public class Orders {

  @LambdaFunction(memorySize = 1024, timeout = 60)
  @DynamoStreamTrigger(streamArn = "@Orders", batchSize = 25, maximumRetryAttempts = 3,
      onFailure = "@Failures", filters = "{\"eventName\": [\"INSERT\"]}")
  public void watch(DynamodbStreamRecord record, Context context) {
    context.getLogger().log("watch " + record.getEventName());
  }

  @SqsTrigger(queueArn = "@Failures")
  public void report(SQSMessage message, Context context) {
    context.getLogger().log("failed batch " + message.getBody());
  }
}
