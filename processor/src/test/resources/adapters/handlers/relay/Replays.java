package relay;

import com.amazonaws.services.lambda.runtime.Context;
import dev.laconic.annotations.SqsTrigger;
import dev.laconic.sqs.StreamFailure;

/**
 * The on-failure destination of a stream mapping: each message's body is the record of a batch
 * Lambda gave up on. A record fails when its first skipped sequence number is poisoned.
 */
public class Replays {

  @SqsTrigger(queueArn = "${ReplaysQueueArn}")
  public void failure(StreamFailure failure) {
    Seen.INPUTS.add(failure);
    Seen.failIfPoisoned(failure.batchInfo().startSequenceNumber());
  }

  @SqsTrigger(queueArn = "${ReplaysQueueArn}", batchSize = 1)
  public void failureWithContext(StreamFailure failure, Context context) {
    context.getLogger().log("replay " + failure.batchInfo().streamArn());
    failure(failure);
  }
}
