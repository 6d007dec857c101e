package it;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import dev.laconic.annotations.DynamoStreamTrigger;

public class Orders {

  static final String STREAM =
      "arn:aws:dynamodb:us-east-1:123456789012:table/Orders/stream/2024-01-01T00:00:00.000";

  @DynamoStreamTrigger(streamArn = STREAM)
  public void reject(DynamodbEvent event) {
    throw new IllegalStateException("no " + event.getRecords().size() + " changes wanted here");
  }
}
