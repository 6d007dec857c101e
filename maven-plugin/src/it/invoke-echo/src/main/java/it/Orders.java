package it;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import dev.laconic.annotations.DynamoStreamTrigger;

public class Orders {

  static final String STREAM =
      "arn:aws:dynamodb:us-east-1:123456789012:table/Orders/stream/2024-01-01T00:00:00.000";

  @DynamoStreamTrigger(streamArn = STREAM)
  public void echo(DynamodbEvent event, Context context) {
    for (DynamodbStreamRecord record : event.getRecords()) {
      context.getLogger().log("echo " + record.getEventName() + " "
          + record.getDynamodb().getKeys().get("Id").getN());
    }
  }
}
