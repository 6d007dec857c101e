package dev.laconic.processor.source.kinesis;

import static dev.laconic.processor.cfn.Intrinsics.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.laconic.annotations.StartingPosition;
import dev.laconic.processor.cfn.Intrinsics;
import dev.laconic.processor.cfn.PolicyStatements;
import dev.laconic.processor.cfn.StreamMappings;
import dev.laconic.processor.model.ArnRef;
import dev.laconic.processor.model.FailureDestination;
import dev.laconic.processor.model.FunctionModel;
import dev.laconic.processor.model.KinesisTriggerModel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Kinesis part of a function's template: one {@code AWS::Lambda::EventSourceMapping} per
 * trigger, reading the consumer when there is one, and least-privilege permissions: what
 * {@code AWSLambdaKinesisExecutionRole} grants, scoped to each stream and consumer, with only
 * {@code kinesis:ListStreams}, which has no resource-level permissions, on {@code *}.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html#events-kinesis-permissions">
 *     Execution role permissions</a>
 */
final class KinesisTemplate {

  private KinesisTemplate() {}

  static void addPermissions(List<KinesisTriggerModel> triggers, PolicyStatements policy) {
    Set<ArnRef> streams = new LinkedHashSet<>();
    Set<ArnRef> consumers = new LinkedHashSet<>();
    List<FailureDestination> destinations = new ArrayList<>();
    for (KinesisTriggerModel trigger : triggers) {
      streams.add(trigger.streamArn());
      trigger.consumerArn().ifPresent(consumers::add);
      trigger.failureDestination().ifPresent(destinations::add);
    }
    if (streams.isEmpty()) {
      return;
    }
    policy.allow("ReadKinesisStreams", List.of("kinesis:DescribeStream",
        "kinesis:DescribeStreamSummary", "kinesis:GetRecords", "kinesis:GetShardIterator",
        "kinesis:ListShards"), streams.stream().map(Intrinsics::arn).toList());
    if (!consumers.isEmpty()) {
      // Enhanced fan-out: Lambda subscribes to the shards through the consumer.
      policy.allow("ReadKinesisConsumers", List.of("kinesis:DescribeStreamConsumer",
          "kinesis:SubscribeToShard"), consumers.stream().map(Intrinsics::arn).toList());
    }
    policy.allow("ListKinesisStreams", List.of("kinesis:ListStreams"),
        List.of(NODES.textNode("*")));
    StreamMappings.addDestinationPermissions(destinations, policy);
  }

  static ObjectNode mappingProperties(KinesisTriggerModel trigger, FunctionModel function,
      String invokedId) {
    JsonNode timestamp = null;
    Instant at = trigger.startingPosition() == StartingPosition.AT_TIMESTAMP
        ? KinesisValidator.startingInstant(trigger.startingPositionTimestamp()) : null;
    if (at != null) { // validated: only a model built by hand has none here
      timestamp = at.getNano() == 0 ? NODES.numberNode(at.getEpochSecond())
          : NODES.numberNode(BigDecimal.valueOf(at.getEpochSecond())
              .add(BigDecimal.valueOf(at.getNano(), 9)).stripTrailingZeros());
    }
    return StreamMappings.properties(trigger, function, invokedId,
        Intrinsics.arn(trigger.sourceArn()), timestamp);
  }
}
