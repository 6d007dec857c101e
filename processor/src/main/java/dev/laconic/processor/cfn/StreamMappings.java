package dev.laconic.processor.cfn;

import static dev.laconic.processor.cfn.Intrinsics.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.laconic.annotations.DestinationKind;
import dev.laconic.annotations.MappingMetric;
import dev.laconic.processor.model.ArnRef;
import dev.laconic.processor.model.FailureDestination;
import dev.laconic.processor.model.FunctionModel;
import dev.laconic.processor.model.StreamTrigger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What event source mappings share in the template, stream ones (DynamoDB streams and Kinesis)
 * most: their properties, and the permissions their on-failure destinations need.
 */
public final class StreamMappings {

  private StreamMappings() {}

  /**
   * The properties of a stream mapping. A setting left at its default is not written, except
   * {@code StartingPosition} and {@code BatchSize}, which always are.
   *
   * @param invokedId the logical id of what the mapping invokes (the function or its alias)
   * @param eventSourceArn what the mapping reads
   * @param startingPositionTimestamp written right after {@code StartingPosition}; null for none
   */
  public static ObjectNode properties(StreamTrigger trigger, FunctionModel function,
      String invokedId, JsonNode eventSourceArn, JsonNode startingPositionTimestamp) {
    ObjectNode p = NODES.objectNode();
    p.set("FunctionName", Intrinsics.ref(invokedId));
    p.set("EventSourceArn", eventSourceArn);
    p.put("StartingPosition", trigger.startingPosition().name());
    if (startingPositionTimestamp != null) {
      p.set("StartingPositionTimestamp", startingPositionTimestamp);
    }
    p.put("BatchSize", trigger.batchSize());
    if (!trigger.enabled()) {
      p.put("Enabled", false);
    }
    if (trigger.maximumBatchingWindowInSeconds() != 0) {
      p.put("MaximumBatchingWindowInSeconds", trigger.maximumBatchingWindowInSeconds());
    }
    if (trigger.maximumRetryAttempts() != -1) {
      p.put("MaximumRetryAttempts", trigger.maximumRetryAttempts());
    }
    if (trigger.maximumRecordAgeInSeconds() != -1) {
      p.put("MaximumRecordAgeInSeconds", trigger.maximumRecordAgeInSeconds());
    }
    if (trigger.bisectBatchOnFunctionError()) {
      p.put("BisectBatchOnFunctionError", true);
    }
    if (trigger.parallelizationFactor() != 1) {
      p.put("ParallelizationFactor", trigger.parallelizationFactor());
    }
    if (trigger.tumblingWindowInSeconds() != 0) {
      p.put("TumblingWindowInSeconds", trigger.tumblingWindowInSeconds());
    }
    trigger.failureDestination().ifPresent(destination -> p.putObject("DestinationConfig")
        .putObject("OnFailure").set("Destination", Intrinsics.arn(destination.arn())));
    addFiltersMetricsAndResponses(p, trigger.filters(), trigger.metrics(), function);
    return p;
  }

  /**
   * Adds what every mapping may end with: {@code FilterCriteria} with one filter per pattern,
   * {@code MetricsConfig}, and {@code ReportBatchItemFailures} when the handler answers with
   * partial batch failures (without it Lambda ignores them).
   */
  public static void addFiltersMetricsAndResponses(ObjectNode properties, List<String> patterns,
      List<MappingMetric> metrics, FunctionModel function) {
    addFilters(properties, patterns);
    if (!metrics.isEmpty()) {
      ArrayNode names = properties.putObject("MetricsConfig").putArray("Metrics");
      metrics.stream().distinct().map(MappingMetric::identifier).forEach(names::add);
    }
    if (function.shape().reportsBatchItemFailures()) {
      properties.putArray("FunctionResponseTypes").add("ReportBatchItemFailures");
    }
  }

  /**
   * Adds {@code FilterCriteria} with one filter per pattern, when there are any. A pattern given
   * twice is written once: CloudFormation refuses a list of filters with duplicates
   * ({@code uniqueItems}), and a record matches the same patterns either way.
   */
  private static void addFilters(ObjectNode properties, List<String> patterns) {
    if (!patterns.isEmpty()) {
      ArrayNode filters = properties.putObject("FilterCriteria").putArray("Filters");
      patterns.stream().distinct().forEach(pattern -> filters.addObject().put("Pattern", pattern));
    }
  }

  /**
   * Grants sending to each destination: a destination of a known kind gets exactly its service's
   * permission; a parameter of unknown kind gets the permission of each service, each scoped to
   * that one ARN, so it grants nothing beyond the one destination.
   */
  public static void addDestinationPermissions(Collection<FailureDestination> destinations,
      PolicyStatements policy) {
    Map<ArnRef, DestinationKind> unique = new LinkedHashMap<>();
    destinations.forEach(d -> unique.putIfAbsent(d.arn(), d.resolvedKind()));
    List<JsonNode> queues = new ArrayList<>();
    List<JsonNode> topics = new ArrayList<>();
    List<JsonNode> buckets = new ArrayList<>();
    List<JsonNode> objects = new ArrayList<>();
    unique.forEach((destination, kind) -> {
      boolean any = kind == DestinationKind.AUTO;
      if (any || kind == DestinationKind.SQS) {
        queues.add(Intrinsics.arn(destination));
      }
      if (any || kind == DestinationKind.SNS) {
        topics.add(Intrinsics.arn(destination));
      }
      if (any || kind == DestinationKind.S3) {
        buckets.add(Intrinsics.arn(destination));
        objects.add(Intrinsics.arnWithSuffix(destination, "/*"));
      }
    });
    if (!queues.isEmpty()) {
      policy.allow("SendFailuresToQueue", List.of("sqs:SendMessage"), queues);
    }
    if (!topics.isEmpty()) {
      policy.allow("SendFailuresToTopic", List.of("sns:Publish"), topics);
    }
    if (!buckets.isEmpty()) {
      policy.allow("WriteFailuresToBucket", List.of("s3:PutObject"), objects);
      policy.allow("ListFailureBucket", List.of("s3:ListBucket"), buckets);
    }
  }
}
