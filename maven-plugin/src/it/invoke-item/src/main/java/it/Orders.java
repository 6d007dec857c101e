package it;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import dev.laconic.annotations.DynamoStreamTrigger;

public class Orders {

  @DynamoStreamTrigger(streamArn = "@Orders")
  public void watch(DynamodbStreamRecord record, Context context) {
    var change = record.getDynamodb();
    context.getLogger().log("watch " + record.getEventName() + " key " + change.getKeys()
        + " new " + change.getNewImage() + " old " + change.getOldImage() + " view "
        + change.getStreamViewType() + " from " + record.getEventSourceARN());
  }
}
