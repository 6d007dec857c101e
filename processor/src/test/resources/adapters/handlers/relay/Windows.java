package relay;

import com.amazonaws.services.lambda.runtime.events.TimeWindowEventResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The state a window handler of this package keeps, the same for Kinesis and DynamoDB. */
final class Windows {

  private Windows() {}

  /**
   * The window's new state and the records of this batch that failed: the records counted so
   * far, the last sequence number, the state the window came with (its keys out of order, as a
   * handler may put them), and a key whose value is null, which Lambda never sees. Without
   * failures the response has none, an empty list or null as {@code noFailures} says.
   */
  static TimeWindowEventResponse respond(Map<String, String> state, List<String> sequenceNumbers,
      List<TimeWindowEventResponse.BatchItemFailure> noFailures) {
    Map<String, String> next = new LinkedHashMap<>();
    long counted = state == null ? 0 : Long.parseLong(state.getOrDefault("records", "0"));
    next.put("records", Long.toString(counted + sequenceNumbers.size()));
    next.put("last",
        sequenceNumbers.isEmpty() ? null : sequenceNumbers.get(sequenceNumbers.size() - 1));
    if (state != null) {
      List<String> keys = new ArrayList<>(state.keySet());
      keys.sort(null);
      for (int i = keys.size() - 1; i >= 0; i--) {
        next.putIfAbsent("was-" + keys.get(i), state.get(keys.get(i)));
      }
    }
    next.put("dropped", null);
    List<TimeWindowEventResponse.BatchItemFailure> failures = new ArrayList<>();
    for (String sequenceNumber : sequenceNumbers) {
      if (Seen.poisoned(sequenceNumber)) {
        failures.add(new TimeWindowEventResponse.BatchItemFailure(sequenceNumber));
      }
    }
    return TimeWindowEventResponse.builder().withState(next)
        .withBatchItemFailures(failures.isEmpty() ? noFailures : failures)
        .build();
  }
}
