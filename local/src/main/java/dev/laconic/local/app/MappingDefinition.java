package dev.laconic.local.app;

import java.util.List;
import java.util.Optional;

/**
 * One {@code AWS::Lambda::EventSourceMapping} of the template, with every setting the local
 * runner honours. Absent settings have Lambda's defaults.
 *
 * @param logicalId the mapping's logical id, such as {@code OrderEventsEchoStreamMapping}
 * @param eventSourceArn the source: a stream or queue ARN, a parameter, or a resource of the
 *     template (such as the table of {@code @OrdersTable}, known by its type)
 * @param startingPosition {@code TRIM_HORIZON} or {@code LATEST}
 * @param maximumRetryAttempts -1 for no limit
 * @param maximumRecordAgeInSeconds -1 for no limit
 * @param filters the filter patterns, as JSON text
 * @param onFailure the failure destination, if any
 */
public record MappingDefinition(
    String logicalId,
    TemplateValue eventSourceArn,
    String startingPosition,
    int batchSize,
    boolean enabled,
    int maximumBatchingWindowInSeconds,
    int maximumRetryAttempts,
    int maximumRecordAgeInSeconds,
    boolean bisectBatchOnFunctionError,
    List<String> filters,
    boolean reportBatchItemFailures,
    Optional<TemplateValue> onFailure) {

  public MappingDefinition {
    filters = List.copyOf(filters);
  }
}
