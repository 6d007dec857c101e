package dev.laconic.processor.model;

import dev.laconic.annotations.MappingMetric;
import dev.laconic.annotations.StartingPosition;
import dev.laconic.processor.diag.Origin;
import java.util.List;
import java.util.Optional;

/**
 * The settings the event source mappings of streams share (DynamoDB streams and Kinesis): where
 * to start, batching, retries and discards, parallelism, windows, filters and metrics. Both
 * stream triggers are records with these components, so their checks and template properties are
 * written once.
 */
public interface StreamTrigger {

  StartingPosition startingPosition();

  int batchSize();

  boolean enabled();

  int maximumBatchingWindowInSeconds();

  int maximumRetryAttempts();

  int maximumRecordAgeInSeconds();

  boolean bisectBatchOnFunctionError();

  int parallelizationFactor();

  int tumblingWindowInSeconds();

  /** Where discarded records go, if anywhere. */
  Optional<FailureDestination> failureDestination();

  List<String> filters();

  List<MappingMetric> metrics();

  Origin origin();
}
