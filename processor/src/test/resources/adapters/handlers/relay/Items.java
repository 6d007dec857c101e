package relay;

import com.amazonaws.services.lambda.runtime.Context;
import dev.laconic.annotations.KinesisTrigger;
import dev.laconic.stream.StreamChange;

/**
 * A table's changes delivered through Kinesis Data Streams for DynamoDB, as typed changes; a
 * change fails when its item's id is poisoned.
 */
public class Items {

  @KinesisTrigger(streamArn = "${ItemsStreamArn}")
  public void change(StreamChange<Item> change) {
    Seen.INPUTS.add(change);
    Seen.failIfPoisoned(change.newImage().map(Item::id).orElse(null));
  }

  @KinesisTrigger(streamArn = "${ItemsStreamArn}", batchSize = 25)
  public void changeWithContext(StreamChange<Item> change, Context context) {
    context.getLogger().log("change " + change.sequenceNumber());
    change(change);
  }
}
