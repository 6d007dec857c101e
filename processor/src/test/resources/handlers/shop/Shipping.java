package shop;

import com.amazonaws.services.lambda.runtime.Context;
import dev.laconic.annotations.DynamoStreamTrigger;
import dev.laconic.stream.StreamChange;

public class Shipping {

  @DynamoStreamTrigger(streamArn = "${ParcelsStreamArn}", batchSize = 50,
      filters = "{\"eventName\": [\"INSERT\"]}")
  public void ship(Parcel parcel, Context context) {}

  @DynamoStreamTrigger(streamArn = "${ParcelsStreamArn}")
  public void track(StreamChange<Parcel> change) throws Exception {}
}
