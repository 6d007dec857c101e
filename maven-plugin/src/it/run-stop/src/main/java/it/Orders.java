package it;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import dev.laconic.annotations.DynamoStreamTrigger;

public class Orders {

  @DynamoStreamTrigger(streamArn = "@Orders")
  public void watch(DynamodbStreamRecord record, Context context) {
    context.getLogger().log("saw " + record.getEventName() + " "
        + record.getDynamodb().getKeys().get("pk").getS());
  }
}
