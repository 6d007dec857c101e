package dev.laconic.junit.app;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.laconic.annotations.DynamoStreamTrigger;
import dev.laconic.annotations.LambdaFunction;
import dev.laconic.annotations.SqsTrigger;
import dev.laconic.annotations.StartingPosition;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

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
   * Fails on a "poison" note too, but gives up at once and has no failure destination: Lambda
   * drops such a batch, and nothing reaches a failure destination.
   */
  @LambdaFunction
  @DynamoStreamTrigger(streamArn = "@NotesTable", startingPosition = StartingPosition.LATEST,
      maximumRetryAttempts = 0)
  public void archive(DynamodbEvent.DynamodbStreamRecord record, Context context) {
    check(record, context);
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

  /**
   * Logs the text of the note a message names ({@code owner/id}), read with a client made once,
   * without an endpoint, as Lambda code makes it: the SDK's settings say where DynamoDB is.
   */
  @LambdaFunction
  @SqsTrigger(queueArn = "@Reminders")
  public void lookup(SQSEvent.SQSMessage message, Context context) {
    String[] key = message.getBody().split("/", 2);
    Map<String, AttributeValue> note = Dynamo.CLIENT.getItem(r -> r.tableName("NotesTable")
        .key(Map.of("owner", AttributeValue.fromS(key[0]), "id", AttributeValue.fromS(key[1]))))
        .item();
    context.getLogger().log("lookup " + message.getBody() + ": "
        + (note.isEmpty() ? "none" : note.get("text").s()));
  }

  /** Writes each tag of a tagged note to the tags table, whose stream {@link #countTag} reads. */
  @LambdaFunction
  @DynamoStreamTrigger(streamArn = "@NotesTable", startingPosition = StartingPosition.LATEST,
      filters = "{\"dynamodb\": {\"NewImage\": {\"tags\": {\"SS\": [{\"exists\": true}]}}}}")
  public void tag(DynamodbEvent.DynamodbStreamRecord record, Context context)
      throws InterruptedException {
    // Slow, as work before a write often is: the tags' mapping has long found nothing to read.
    Thread.sleep(300);
    // A client of its own: the kit's tests run this function in runs of its own too, each with
    // a database of its own, where a static client would outlive its database.
    try (DynamoDbClient dynamo = DynamoDbClient.builder()
        .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
      for (String tag : record.getDynamodb().getNewImage().get("tags").getSS()) {
        dynamo.putItem(r -> r.tableName("TagsTable")
            .item(Map.of("tag", AttributeValue.fromS(tag))));
      }
    }
  }

  /** Logs each new tag: the end of a chain of two functions. */
  @LambdaFunction
  @DynamoStreamTrigger(streamArn = "@TagsTable", startingPosition = StartingPosition.LATEST)
  public void countTag(DynamodbEvent.DynamodbStreamRecord record, Context context) {
    context.getLogger().log("tagged " + record.getDynamodb().getKeys().get("tag").getS());
  }

  /** The client of the application's code, made at its first use and kept. */
  private static final class Dynamo {
    static final DynamoDbClient CLIENT = DynamoDbClient.builder()
        .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
  }
}
