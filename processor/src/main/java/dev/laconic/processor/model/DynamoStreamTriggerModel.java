package dev.laconic.processor.model;

import dev.laconic.annotations.DestinationKind;
import dev.laconic.annotations.MappingMetric;
import dev.laconic.annotations.StartingPosition;
import dev.laconic.processor.diag.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One {@code @DynamoStreamTrigger}: a DynamoDB stream and how the mapping polls it. */
public record DynamoStreamTriggerModel(
    ArnRef streamArn,
    StartingPosition startingPosition,
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

  public DynamoStreamTriggerModel {
    filters = List.copyOf(filters);
    metrics = List.copyOf(metrics);
  }

  /** A trigger whose on-failure destination, if any, is of the kind its ARN says. */
  public DynamoStreamTriggerModel(ArnRef streamArn, StartingPosition startingPosition,
      int batchSize, boolean enabled, int maximumBatchingWindowInSeconds,
      int maximumRetryAttempts, int maximumRecordAgeInSeconds,
      boolean bisectBatchOnFunctionError, int parallelizationFactor,
      int tumblingWindowInSeconds, Optional<ArnRef> onFailure, List<String> filters,
      List<MappingMetric> metrics, Origin origin) {
    this(streamArn, startingPosition, batchSize, enabled, maximumBatchingWindowInSeconds,
        maximumRetryAttempts, maximumRecordAgeInSeconds, bisectBatchOnFunctionError,
        parallelizationFactor, tumblingWindowInSeconds, onFailure, DestinationKind.AUTO, filters,
        metrics, origin);
  }

  @Override
  public Optional<FailureDestination> failureDestination() {
    return onFailure.map(arn -> new FailureDestination(arn, onFailureKind));
  }

  @Override
  public ArnRef sourceArn() {
    return streamArn;
  }

  @Override
  public List<ParameterUse> parameterUses() {
    List<ParameterUse> uses = new ArrayList<>();
    if (streamArn instanceof ArnRef.Parameter p) {
      uses.add(new ParameterUse(p.name(), ArnKind.DYNAMODB_STREAM, "streamArn",
          origin.at("streamArn")));
    }
    if (onFailure.orElse(null) instanceof ArnRef.Parameter p) {
      uses.add(new ParameterUse(p.name(), new FailureDestination(p, onFailureKind).parameterKind(),
          "onFailure", origin.at("onFailure")));
    }
    return uses;
  }

  /** A trigger on {@code streamArn} with every other setting at its default. */
  public static DynamoStreamTriggerModel of(ArnRef streamArn, int batchSize) {
    return new DynamoStreamTriggerModel(streamArn, StartingPosition.TRIM_HORIZON, batchSize, true, 0, -1,
        -1, false, 1, 0, Optional.empty(), List.of(), List.of(), Origin.NONE);
  }
}
