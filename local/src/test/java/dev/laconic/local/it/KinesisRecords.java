package dev.laconic.local.it;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-written Kinesis handler of the invocation tests' own template: logs each record's
 * partition key and decoded data, and reports the records whose data mentions "product5".
 */
public class KinesisRecords implements RequestHandler<KinesisEvent, StreamsEventResponse> {

  @Override
  public StreamsEventResponse handleRequest(KinesisEvent event, Context context) {
    List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
    for (KinesisEvent.KinesisEventRecord record : event.getRecords()) {
      String data = StandardCharsets.UTF_8.decode(record.getKinesis().getData()).toString();
      context.getLogger().log(record.getKinesis().getPartitionKey() + " "
          + record.getEventSourceARN() + " " + data);
      if (data.contains("product5")) {
        failures.add(new StreamsEventResponse.BatchItemFailure(
            record.getKinesis().getSequenceNumber()));
      }
    }
    return new StreamsEventResponse(failures);
  }
}
