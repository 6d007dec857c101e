package com.example.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.laconic.annotations.DynamoStreamTrigger;
import java.util.ArrayList;
import java.util.List;

/**
 * A batch handler that builds its own {@link StreamsEventResponse}, to test that its generated
 * adapter ({@code Laconic_RemovalsFail_handle}) returns that response as it is. It reports every
 * REMOVE record as a failure (more than one, and not only the first), which the adapter must not
 * rewrite; for an event without records it returns {@code null}.
 */
public class RemovalsFail {

  /** The response the handler returned last. */
  public static volatile StreamsEventResponse lastReturned;

  public RemovalsFail() {}

  @DynamoStreamTrigger(streamArn = "${TestStreamArn}")
  public StreamsEventResponse handle(DynamodbEvent event, Context context) {
    if (event.getRecords() == null) {
      lastReturned = null;
      return null;
    }
    List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
    for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
      if ("REMOVE".equals(record.getEventName())) {
        failures.add(new StreamsEventResponse.BatchItemFailure(
            record.getDynamodb().getSequenceNumber()));
      }
    }
    context.getLogger().log("RemovalsFail reports " + failures.size() + " of "
        + event.getRecords().size() + " records");
    StreamsEventResponse response = new StreamsEventResponse(failures);
    lastReturned = response;
    return response;
  }
}
