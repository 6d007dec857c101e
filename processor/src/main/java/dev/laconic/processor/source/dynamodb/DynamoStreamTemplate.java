package dev.laconic.processor.source.dynamodb;

import static dev.laconic.processor.cfn.Intrinsics.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.laconic.annotations.MappingMetric;
import dev.laconic.processor.cfn.Intrinsics;
import dev.laconic.processor.cfn.PolicyStatements;
import dev.laconic.processor.model.ArnKind;
import dev.laconic.processor.model.ArnRef;
import dev.laconic.processor.model.FunctionModel;
import dev.laconic.processor.model.DynamoStreamTriggerModel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The DynamoDB stream part of a function's template: the properties of one {@code
 * AWS::Lambda::EventSourceMapping} per trigger, and the permissions reading the streams and
 * sending to failure destinations needs.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html">Using Lambda with
 *     DynamoDB</a>
 */
final class DynamoStreamTemplate {

  private DynamoStreamTemplate() {}

  /** Grants reading each stream, listing streams, and sending to each failure destination. */
  static void addPermissions(List<DynamoStreamTriggerModel> triggers, PolicyStatements policy) {
    Set<ArnRef> streams = new LinkedHashSet<>();
    Set<ArnRef> destinations = new LinkedHashSet<>();
    for (DynamoStreamTriggerModel trigger : triggers) {
      streams.add(trigger.streamArn());
      trigger.onFailure().ifPresent(destinations::add);
    }
    if (streams.isEmpty()) {
      return;
    }
    policy.allow("ReadDynamoDbStreams",
        List.of("dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"),
        streams.stream().map(Intrinsics::streamArn).toList());
    // ListStreams has no resource-level permissions: IAM only accepts "*" for it.
    policy.allow("ListDynamoDbStreams", List.of("dynamodb:ListStreams"),
        List.of(NODES.textNode("*")));
    addDestinationPermissions(destinations, policy);
  }

  /** The service of a base-template resource type: {@code AWS::SQS::Queue} is {@code sqs}. */
  private static String serviceOf(String type) {
    String[] parts = type == null ? new String[0] : type.split("::");
    return parts.length < 2 ? "any" : parts[1].toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * A literal destination gets exactly its service's permission; a parameter, whose service is
   * known only at deploy time, gets the permission of each service, each scoped to that ARN, so it
   * grants nothing beyond the one destination.
   */
  private static void addDestinationPermissions(Set<ArnRef> destinations, PolicyStatements policy) {
    List<JsonNode> queues = new ArrayList<>();
    List<JsonNode> topics = new ArrayList<>();
    List<JsonNode> buckets = new ArrayList<>();
    List<JsonNode> objects = new ArrayList<>();
    for (ArnRef destination : destinations) {
      String service = destination instanceof ArnRef.Literal literal
          ? ArnKind.serviceOf(literal.arn())
          : destination instanceof ArnRef.Resource resource ? serviceOf(resource.type()) : "any";
      if (service.equals("sqs") || service.equals("any")) {
        queues.add(Intrinsics.arn(destination));
      }
      if (service.equals("sns") || service.equals("any")) {
        topics.add(Intrinsics.arn(destination));
      }
      if (service.equals("s3") || service.equals("any")) {
        buckets.add(Intrinsics.arn(destination));
        objects.add(Intrinsics.arnWithSuffix(destination, "/*"));
      }
    }
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

  /** The properties of the mapping of {@code trigger}. */
  static ObjectNode mappingProperties(
      DynamoStreamTriggerModel trigger, FunctionModel function, String functionId) {
    ObjectNode p = NODES.objectNode();
    p.set("FunctionName", Intrinsics.ref(functionId));
    p.set("EventSourceArn", Intrinsics.streamArn(trigger.streamArn()));
    p.put("StartingPosition", trigger.startingPosition().name());
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
    trigger.onFailure().ifPresent(destination -> p.putObject("DestinationConfig")
        .putObject("OnFailure").set("Destination", Intrinsics.arn(destination)));
    if (!trigger.filters().isEmpty()) {
      ArrayNode filters = p.putObject("FilterCriteria").putArray("Filters");
      trigger.filters().forEach(pattern -> filters.addObject().put("Pattern", pattern));
    }
    if (!trigger.metrics().isEmpty()) {
      ArrayNode metrics = p.putObject("MetricsConfig").putArray("Metrics");
      trigger.metrics().stream().distinct().map(MappingMetric::identifier).forEach(metrics::add);
    }
    if (function.shape().reportsBatchItemFailures()) {
      p.putArray("FunctionResponseTypes").add("ReportBatchItemFailures");
    }
    return p;
  }
}
