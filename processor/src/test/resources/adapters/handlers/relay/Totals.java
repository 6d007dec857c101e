package relay;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbTimeWindowEvent;
import com.amazonaws.services.lambda.runtime.events.TimeWindowEventResponse;
import dev.laconic.annotations.DynamoStreamTrigger;
import java.util.ArrayList;
import java.util.List;

/** Tumbling windows of a DynamoDB stream, counting the records of each window in its state. */
public class Totals {

  @DynamoStreamTrigger(streamArn = "${TotalsStreamArn}", tumblingWindowInSeconds = 300)
  public TimeWindowEventResponse window(DynamodbTimeWindowEvent window) {
    Seen.INPUTS.add(window);
    List<String> sequenceNumbers = new ArrayList<>();
    for (DynamodbEvent.DynamodbStreamRecord record : window.getRecords()) {
      sequenceNumbers.add(record.getDynamodb().getSequenceNumber());
    }
    return Windows.respond(window.getState(), sequenceNumbers, List.of());
  }

  @DynamoStreamTrigger(streamArn = "${TotalsStreamArn}", tumblingWindowInSeconds = 60)
  public TimeWindowEventResponse windowWithContext(DynamodbTimeWindowEvent window,
      Context context) {
    context.getLogger().log("window " + window.getWindow());
    return window(window);
  }
}
