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
import java.util.function.Function;

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
      JsonNode key = trigger.key().arn();
      if (key != null && !keys.contains(key)) {
        keys.add(key);
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
   * The key of a queue's {@code KmsMasterKeyId}, for {@code kms:Decrypt}: a key ARN as written;
   * a key id, a {@code Ref} to an {@code AWS::KMS::Key} of the template (whose Ref is its id) or
   * a {@code GetAtt [Key, KeyId]} as {@code arn:...:key/<id>}; a {@code GetAtt [Key, Arn]} as
   * written. SQS's AWS managed key needs no grant. Anything else (an alias, whose grant IAM does
   * not honour, a parameter, another intrinsic) is unresolved, for a warning.
   */
  static SqsTriggerModel.QueueKey key(JsonNode key,
      Function<String, ArnRef.Resource> baseResources) {
    if (key.isMissingNode() || key.isNull()) {
      return SqsTriggerModel.QueueKey.NONE;
    }
    if (key.isTextual()) {
      String id = key.asText();
      if (id.isEmpty() || isAwsManaged(id)) {
        return SqsTriggerModel.QueueKey.NONE;
      }
      if (id.matches("arn:aws[a-zA-Z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[A-Za-z0-9-]+")) {
        return new SqsTriggerModel.QueueKey(NODES.textNode(id), "");
      }
      if (id.matches("(mrk-)?[a-f0-9-]{32,36}")) {
        return new SqsTriggerModel.QueueKey(keyArn(id), "");
      }
      return new SqsTriggerModel.QueueKey(null, id);
    }
    JsonNode ref = key.path("Ref");
    if (ref.isTextual()) {
      ArnRef.Resource resource = baseResources.apply(ref.asText());
      return resource != null && "AWS::KMS::Key".equals(resource.type())
          ? new SqsTriggerModel.QueueKey(keyArn("${" + ref.asText() + "}"), "")
          : new SqsTriggerModel.QueueKey(null, "Ref " + ref.asText());
    }
    JsonNode getAtt = key.path("Fn::GetAtt");
    if (getAtt.isArray() && getAtt.size() == 2 && getAtt.get(0).isTextual()) {
      String attribute = getAtt.get(1).asText();
      if (attribute.equals("Arn")) {
        return new SqsTriggerModel.QueueKey(key.deepCopy(), "");
      }
      if (attribute.equals("KeyId")) {
        return new SqsTriggerModel.QueueKey(keyArn("${" + getAtt.get(0).asText() + ".KeyId}"),
            "");
      }
    }
    return new SqsTriggerModel.QueueKey(null, key.toString());
  }

  private static JsonNode keyArn(String id) {
    return Intrinsics.sub("arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/" + id);
  }

  static ObjectNode mappingProperties(SqsTriggerModel trigger, FunctionModel function,
      String invokedId) {
    ObjectNode p = NODES.objectNode();
    p.set("FunctionName", Intrinsics.ref(invokedId));
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
