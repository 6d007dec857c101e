package dev.laconic.processor.model;

import dev.laconic.annotations.DestinationKind;
import dev.laconic.annotations.MappingMetric;
import dev.laconic.annotations.StartingPosition;
import dev.laconic.processor.diag.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One {@code @KinesisTrigger}: a Kinesis data stream, read directly or through an enhanced
 * fan-out consumer, and how the mapping polls it.
 *
 * @param consumerArn the enhanced fan-out consumer the mapping reads through, if any
 * @param startingPositionTimestamp for {@code AT_TIMESTAMP}, the instant as written; empty else
 */
public record KinesisTriggerModel(
    ArnRef streamArn,
    Optional<ArnRef> consumerArn,
    StartingPosition startingPosition,
    String startingPositionTimestamp,
    int batchSize,
    boolean enabled,
    int maximumBatchingWindowInSeconds,
    int maximumRetryAttempts,
    int maximumRecordAgeInSeconds,
    boolean bisectBatchOnFunctionError,
    int parallelizationFactor,
    int tumblingWindowInSeconds,
    Optional<ArnRef> onFailure,
    DestinationKind onFailureKind,
    List<String> filters,
    List<MappingMetric> metrics,
    Origin origin) implements TriggerModel, StreamTrigger {

  public KinesisTriggerModel {
    filters = List.copyOf(filters);
    metrics = List.copyOf(metrics);
  }

  /** A trigger on {@code streamArn} with every other setting at its default. */
  public static KinesisTriggerModel of(ArnRef streamArn, int batchSize) {
    return new KinesisTriggerModel(streamArn, Optional.empty(), StartingPosition.TRIM_HORIZON, "",
        batchSize, true, 0, -1, -1, false, 1, 0, Optional.empty(), DestinationKind.AUTO,
        List.of(), List.of(), Origin.NONE);
  }

  /** What the mapping reads: the consumer when there is one, else the stream. */
  @Override
  public ArnRef sourceArn() {
    return consumerArn.orElse(streamArn);
  }

  @Override
  public Optional<FailureDestination> failureDestination() {
    return onFailure.map(arn -> new FailureDestination(arn, onFailureKind));
  }

  @Override
  public List<ParameterUse> parameterUses() {
    List<ParameterUse> uses = new ArrayList<>();
    if (streamArn instanceof ArnRef.Parameter p) {
      uses.add(new ParameterUse(p.name(), ArnKind.KINESIS_STREAM, "streamArn",
          origin.at("streamArn")));
    }
    if (consumerArn.orElse(null) instanceof ArnRef.Parameter p) {
      uses.add(new ParameterUse(p.name(), ArnKind.KINESIS_CONSUMER, "consumerArn",
          origin.at("consumerArn")));
    }
    if (onFailure.orElse(null) instanceof ArnRef.Parameter p) {
      uses.add(new ParameterUse(p.name(), new FailureDestination(p, onFailureKind).parameterKind(),
          "onFailure", origin.at("onFailure")));
    }
    return uses;
  }
}
