package shop;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbTimeWindowEvent;
import com.amazonaws.services.lambda.runtime.events.TimeWindowEventResponse;
import dev.laconic.annotations.DynamoStreamTrigger;
import java.util.HashMap;
import java.util.Map;

/** Sums each tumbling window's inserts: the window's state carries the running count. */
public class DailyTotals {

  @DynamoStreamTrigger(streamArn = "${OrdersStreamArn}", tumblingWindowInSeconds = 300)
  public TimeWindowEventResponse total(DynamodbTimeWindowEvent window, Context context) {
    Map<String, String> state = new HashMap<>(window.getState() == null ? Map.of()
        : window.getState());
    long count = Long.parseLong(state.getOrDefault("inserts", "0"));
    for (var record : window.getRecords()) {
      if ("INSERT".equals(record.getEventName())) {
        count++;
      }
    }
    state.put("inserts", Long.toString(count));
    return TimeWindowEventResponse.builder().withState(state).build();
  }
}
