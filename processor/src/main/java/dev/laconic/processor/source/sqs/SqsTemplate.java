package dev.laconic.processor.source.sqs;

import static dev.laconic.processor.cfn.Intrinsics.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.laconic.processor.cfn.Intrinsics;
import dev.laconic.processor.cfn.PolicyStatements;
import dev.laconic.processor.cfn.StreamMappings;
import dev.laconic.processor.model.ArnRef;
import dev.laconic.processor.model.FunctionModel;
import dev.laconic.processor.model.SqsTriggerModel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The SQS part of a function's template: one {@code AWS::Lambda::EventSourceMapping} per
 * trigger, and what {@code AWSLambdaSQSQueueExecutionRole} grants, scoped to each queue: {@code
 * sqs:ReceiveMessage}, {@code sqs:DeleteMessage}, {@code sqs:GetQueueAttributes}; plus {@code
 * kms:Decrypt} on the key of a queue of the user's template encrypted with a customer managed key.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html#events-sqs-permissions">
 *     Execution role permissions</a>
 */
final class SqsTemplate {

  private SqsTemplate() {}

  static void addPermissions(List<SqsTriggerModel> triggers, PolicyStatements policy) {
    Set<ArnRef> queues = new LinkedHashSet<>();
    List<JsonNode> keys = new ArrayList<>();
    for (SqsTriggerModel trigger : triggers) {
      queues.add(trigger.queueArn());
      if (trigger.queueArn() instanceof ArnRef.Resource queue) {
        JsonNode key = keyArn(queue.properties().path("KmsMasterKeyId"));
        if (key != null && !keys.contains(key)) {
          keys.add(key);
        }
      }
    }
    if (queues.isEmpty()) {
      return;
    }
    policy.allow("ReadSqsQueues", List.of("sqs:ReceiveMessage", "sqs:DeleteMessage",
        "sqs:GetQueueAttributes"), queues.stream().map(Intrinsics::arn).toList());
    if (!keys.isEmpty()) {
      policy.allow("DecryptQueueMessages", List.of("kms:Decrypt"), keys);
    }
  }

  /** Whether {@code keyId} is the AWS managed key of SQS, which needs no grant of the role. */
  static boolean isAwsManaged(String keyId) {
    return keyId.equals("alias/aws/sqs") || keyId.endsWith(":alias/aws/sqs");
  }

  /**
   * The ARN of a queue's {@code KmsMasterKeyId}, for {@code kms:Decrypt}: a key ARN as written, a
   * key id or a {@code Ref} (an {@code AWS::KMS::Key}'s Ref is its id) as {@code arn:...:key/id},
   * a {@code GetAtt ... Arn} as written; null when there is no key, it is SQS's AWS managed key,
   * or an alias (IAM authorizes {@code kms:Decrypt} on the key, not its alias).
   */
  static JsonNode keyArn(JsonNode key) {
    if (key.isTextual()) {
      String id = key.asText();
      if (id.isEmpty() || isAwsManaged(id) || id.startsWith("alias/") || id.contains(":alias/")) {
        return null;
      }
      return id.startsWith("arn:") ? NODES.textNode(id) : Intrinsics.sub(
          "arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/" + id);
    }
    if (key.has("Ref") && key.get("Ref").isTextual()) {
      return Intrinsics.sub("arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/${"
          + key.get("Ref").asText() + "}");
    }
    if (key.has("Fn::GetAtt")) {
      return key.deepCopy();
    }
    return null;
  }

  static ObjectNode mappingProperties(SqsTriggerModel trigger, FunctionModel function,
      String functionId) {
    ObjectNode p = NODES.objectNode();
    p.set("FunctionName", Intrinsics.ref(functionId));
    p.set("EventSourceArn", Intrinsics.arn(trigger.queueArn()));
    p.put("BatchSize", trigger.batchSize());
    if (!trigger.enabled()) {
      p.put("Enabled", false);
    }
    if (trigger.maximumBatchingWindowInSeconds() != 0) {
      p.put("MaximumBatchingWindowInSeconds", trigger.maximumBatchingWindowInSeconds());
    }
    if (trigger.maximumConcurrency() != 0) {
      p.putObject("ScalingConfig").put("MaximumConcurrency", trigger.maximumConcurrency());
    }
    StreamMappings.addFiltersMetricsAndResponses(p, trigger.filters(), trigger.metrics(),
        function);
    return p;
  }
}
