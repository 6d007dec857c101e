package dev.laconic.processor.source.dynamodb;

import static dev.laconic.processor.cfn.Intrinsics.NODES;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.laconic.processor.cfn.Intrinsics;
import dev.laconic.processor.cfn.PolicyStatements;
import dev.laconic.processor.cfn.StreamMappings;
import dev.laconic.processor.model.ArnRef;
import dev.laconic.processor.model.DynamoStreamTriggerModel;
import dev.laconic.processor.model.FailureDestination;
import dev.laconic.processor.model.FunctionModel;
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
    List<FailureDestination> destinations = new ArrayList<>();
    for (DynamoStreamTriggerModel trigger : triggers) {
      streams.add(trigger.streamArn());
      trigger.failureDestination().ifPresent(destinations::add);
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
    StreamMappings.addDestinationPermissions(destinations, policy);
  }

  /** The properties of the mapping of {@code trigger}. */
  static ObjectNode mappingProperties(
      DynamoStreamTriggerModel trigger, FunctionModel function, String invokedId) {
    return StreamMappings.properties(trigger, function, invokedId,
        Intrinsics.streamArn(trigger.streamArn()), null);
  }
}
