package dev.laconic.local.it;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbTimeWindowEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.TimeWindowEventResponse;
import java.util.List;
import java.util.Map;

/**
 * Hand-written handlers whose event type is a type argument of a superclass: the runtime finds
 * it through the hierarchy.
 */
public abstract class RecordCounter<E> implements RequestHandler<E, Map<String, Integer>> {

  @Override
  public Map<String, Integer> handleRequest(E event, Context context) {
    context.getLogger().log(event.getClass().getSimpleName());
    return Map.of("records", records(event).size());
  }

  abstract List<?> records(E event);

  /** Counts Kinesis records. */
  public static class Kinesis extends RecordCounter<KinesisEvent> {
    @Override
    List<?> records(KinesisEvent event) {
      return event.getRecords();
    }
  }

  /** A tumbling-window handler: keeps a running count in the window's state. */
  public static class TimeWindow
      implements RequestHandler<DynamodbTimeWindowEvent, TimeWindowEventResponse> {
    @Override
    public TimeWindowEventResponse handleRequest(DynamodbTimeWindowEvent event,
        Context context) {
      int seen = Integer.parseInt(event.getState().getOrDefault("seen", "0"));
      context.getLogger().log("window " + event.getWindow().getStart() + " shard "
          + event.getShardId() + " final=" + event.getIsFinalInvokeForWindow());
      return TimeWindowEventResponse.builder()
          .withState(Map.of("seen", Integer.toString(seen + event.getRecords().size())))
          .withBatchItemFailures(List.of())
          .build();
    }
  }
}
