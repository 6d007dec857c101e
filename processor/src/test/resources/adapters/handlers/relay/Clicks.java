package relay;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisTimeWindowEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.TimeWindowEventResponse;
import dev.laconic.annotations.KinesisTrigger;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Every handler shape of a Kinesis data stream, with the records it fails on chosen by Seen. */
public class Clicks {

  @KinesisTrigger(streamArn = "${ClicksStreamArn}")
  public void batch(KinesisEvent event) throws IOException {
    Seen.INPUTS.add(event);
    for (KinesisEvent.KinesisEventRecord record : event.getRecords()) {
      if (Seen.poisoned(sequenceNumber(record))) {
        // A checked exception: the adapter rethrows it wrapped, and Lambda retries the batch.
        throw new IOException("poison: " + sequenceNumber(record));
      }
    }
  }

  @KinesisTrigger(streamArn = "${ClicksStreamArn}")
  public void batchWithContext(KinesisEvent event, Context context) {
    Seen.INPUTS.add(event);
    for (KinesisEvent.KinesisEventRecord record : event.getRecords()) {
      Seen.failIfPoisoned(sequenceNumber(record));
    }
  }

  @KinesisTrigger(streamArn = "${ClicksStreamArn}")
  public StreamsEventResponse batchResponse(KinesisEvent event) {
    return failures(event);
  }

  @KinesisTrigger(streamArn = "${ClicksStreamArn}", consumerArn = "${ClicksConsumerArn}")
  public StreamsEventResponse batchResponseWithContext(KinesisEvent event, Context context) {
    context.getLogger().log("batch of " + event.getRecords().size());
    StreamsEventResponse response = failures(event);
    // No failures: a response without a list, which the runtime writes as {}.
    return response.getBatchItemFailures().isEmpty() ? new StreamsEventResponse() : response;
  }

  @KinesisTrigger(streamArn = "${ClicksStreamArn}")
  public void record(KinesisEvent.KinesisEventRecord record) {
    Seen.INPUTS.add(record);
    Seen.failIfPoisoned(sequenceNumber(record));
  }

  @KinesisTrigger(streamArn = "${ClicksStreamArn}", batchSize = 10)
  public void recordWithContext(KinesisEvent.KinesisEventRecord record, Context context)
      throws Exception {
    Seen.INPUTS.add(record);
    context.getLogger().log("record " + sequenceNumber(record));
    if (Seen.poisoned(sequenceNumber(record))) {
      throw new Exception("poison: " + sequenceNumber(record));
    }
  }

  @KinesisTrigger(streamArn = "${ClicksStreamArn}", tumblingWindowInSeconds = 120)
  public TimeWindowEventResponse window(KinesisTimeWindowEvent window) {
    Seen.INPUTS.add(window);
    List<String> sequenceNumbers = new ArrayList<>();
    for (KinesisEvent.KinesisEventRecord record : window.getRecords()) {
      sequenceNumbers.add(sequenceNumber(record));
    }
    // No failures: no list at all, which the runtime leaves out of the response.
    return Windows.respond(window.getState(), sequenceNumbers, null);
  }

  @KinesisTrigger(streamArn = "${ClicksStreamArn}", tumblingWindowInSeconds = 900)
  public TimeWindowEventResponse windowWithContext(KinesisTimeWindowEvent window,
      Context context) {
    context.getLogger().log("window " + window.getWindow());
    return window(window);
  }

  private static StreamsEventResponse failures(KinesisEvent event) {
    Seen.INPUTS.add(event);
    List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
    for (KinesisEvent.KinesisEventRecord record : event.getRecords()) {
      if (Seen.poisoned(sequenceNumber(record))) {
        failures.add(new StreamsEventResponse.BatchItemFailure(sequenceNumber(record)));
      }
    }
    return new StreamsEventResponse(failures);
  }

  static String sequenceNumber(KinesisEvent.KinesisEventRecord record) {
    return record.getKinesis().getSequenceNumber();
  }
}
