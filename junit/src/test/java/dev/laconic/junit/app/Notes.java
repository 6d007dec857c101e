package dev.laconic.junit.app;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.laconic.annotations.DynamoStreamTrigger;
import dev.laconic.annotations.LambdaFunction;
import dev.laconic.annotations.SqsTrigger;
import dev.laconic.annotations.StartingPosition;

/** The kit's test application: functions of the notes table's stream and of a queue. */
public class Notes {

  /** Logs each note's text; reads only notes that have one. */
  @LambdaFunction
  @DynamoStreamTrigger(streamArn = "@NotesTable", startingPosition = StartingPosition.LATEST,
      filters = "{\"dynamodb\": {\"NewImage\": {\"text\": {\"S\": [{\"exists\": true}]}}}}")
  public void index(DynamodbEvent.DynamodbStreamRecord record, Context context) {
    context.getLogger().log("indexed " + record.getDynamodb().getKeys().get("id").getS() + ": "
        + record.getDynamodb().getNewImage().get("text").getS());
  }

  /**
   * Fails on a note whose text is "poison": after one retry the mapping gives up on the batch and
   * sends it to the NoteFailures queue.
   */
  @LambdaFunction
  @DynamoStreamTrigger(streamArn = "@NotesTable", startingPosition = StartingPosition.LATEST,
      maximumRetryAttempts = 1, onFailure = "@NoteFailures")
  public void check(DynamodbEvent.DynamodbStreamRecord record, Context context) {
    if (record.getDynamodb().getNewImage() != null
        && record.getDynamodb().getNewImage().containsKey("text")
        && "poison".equals(record.getDynamodb().getNewImage().get("text").getS())) {
      throw new IllegalStateException("poison note " + record.getDynamodb().getKeys());
    }
  }

  /**
   * Logs each reminder; the runner does not poll queues, so tests invoke it. Its environment is
   * not this JVM's, which the invoker notes beside its logs.
   */
  @LambdaFunction(environment = "REMINDER_CHANNEL=email")
  @SqsTrigger(queueArn = "@Reminders")
  public void remind(SQSEvent.SQSMessage message, Context context) {
    context.getLogger().log("remind " + message.getBody());
  }
}
