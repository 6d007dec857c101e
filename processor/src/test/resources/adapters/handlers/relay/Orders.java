package relay;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.laconic.annotations.SqsTrigger;
import java.util.ArrayList;
import java.util.List;

/** Every handler shape of an SQS queue, with the messages it fails on chosen by Seen. */
public class Orders {

  @SqsTrigger(queueArn = "${OrdersQueueArn}")
  public void batch(SQSEvent event) throws Exception {
    Seen.INPUTS.add(event);
    for (SQSEvent.SQSMessage message : event.getRecords()) {
      if (Seen.poisoned(message.getMessageId())) {
        // A checked exception: the adapter rethrows it wrapped, and the whole batch comes back.
        throw new Exception("poison: " + message.getMessageId());
      }
    }
  }

  @SqsTrigger(queueArn = "${OrdersQueueArn}")
  public void batchWithContext(SQSEvent event, Context context) {
    Seen.INPUTS.add(event);
    for (SQSEvent.SQSMessage message : event.getRecords()) {
      Seen.failIfPoisoned(message.getMessageId());
    }
  }

  @SqsTrigger(queueArn = "${OrdersQueueArn}")
  public SQSBatchResponse batchResponse(SQSEvent event) {
    return failures(event);
  }

  @SqsTrigger(queueArn = "${OrdersQueueArn}", maximumConcurrency = 5)
  public SQSBatchResponse batchResponseWithContext(SQSEvent event, Context context) {
    context.getLogger().log("batch of " + event.getRecords().size());
    SQSBatchResponse response = failures(event);
    // No failures: a response without a list, which the runtime writes as {}.
    return response.getBatchItemFailures().isEmpty() ? new SQSBatchResponse() : response;
  }

  @SqsTrigger(queueArn = "${OrdersQueueArn}")
  public void message(SQSEvent.SQSMessage message) {
    Seen.INPUTS.add(message);
    Seen.failIfPoisoned(message.getMessageId());
  }

  @SqsTrigger(queueArn = "arn:aws:sqs:eu-central-1:123456789012:orders.fifo")
  public void messageWithContext(SQSEvent.SQSMessage message, Context context) throws Exception {
    Seen.INPUTS.add(message);
    context.getLogger().log("message " + message.getMessageId());
    if (Seen.poisoned(message.getMessageId())) {
      throw new Exception("poison: " + message.getMessageId());
    }
  }

  private static SQSBatchResponse failures(SQSEvent event) {
    Seen.INPUTS.add(event);
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    for (SQSEvent.SQSMessage message : event.getRecords()) {
      if (Seen.poisoned(message.getMessageId())) {
        failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
      }
    }
    return new SQSBatchResponse(failures);
  }
}
