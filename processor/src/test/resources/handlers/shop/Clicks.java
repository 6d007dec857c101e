package shop;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisTimeWindowEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.TimeWindowEventResponse;
import dev.laconic.annotations.DestinationKind;
import dev.laconic.annotations.KinesisTrigger;
import dev.laconic.annotations.MappingMetric;
import dev.laconic.annotations.StartingPosition;
import dev.laconic.stream.StreamChange;

/** The shop's Kinesis consumers: every Kinesis handler shape once. */
public class Clicks {

  @KinesisTrigger(streamArn = "arn:aws:kinesis:us-west-2:000000000000:stream/clicks",
      batchSize = 1000, maximumBatchingWindowInSeconds = 5, parallelizationFactor = 2,
      filters = "{\"data\": {\"page\": [{\"prefix\": \"/checkout\"}]}}")
  public StreamsEventResponse count(KinesisEvent event) {
    return new StreamsEventResponse();
  }

  @KinesisTrigger(streamArn = "arn:aws:kinesis:us-west-2:000000000000:stream/clicks",
      consumerArn =
          "arn:aws:kinesis:us-west-2:000000000000:stream/clicks/consumer/sessions:1700000000",
      startingPosition = StartingPosition.AT_TIMESTAMP,
      startingPositionTimestamp = "2025-06-01T00:00:00Z",
      maximumRetryAttempts = 3, bisectBatchOnFunctionError = true,
      onFailure = "${ClicksFailureTopic}", onFailureKind = DestinationKind.SNS,
      metrics = MappingMetric.EVENT_COUNT)
  public void session(KinesisEvent.KinesisEventRecord record, Context context) {}

  @KinesisTrigger(streamArn = "arn:aws:kinesis:us-west-2:000000000000:stream/parcels")
  public void scan(Parcel parcel, Context context) {}

  @KinesisTrigger(streamArn = "arn:aws:kinesis:us-west-2:000000000000:stream/parcel-changes")
  public void follow(StreamChange<Parcel> change) {}

  @KinesisTrigger(streamArn = "arn:aws:kinesis:us-west-2:000000000000:stream/clicks",
      tumblingWindowInSeconds = 60)
  public TimeWindowEventResponse perMinute(KinesisTimeWindowEvent window) {
    return TimeWindowEventResponse.builder().withState(window.getState()).build();
  }
}
