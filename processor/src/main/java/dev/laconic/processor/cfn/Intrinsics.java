package dev.laconic.processor.cfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.laconic.processor.model.ArnRef;

/**
 * CloudFormation intrinsic functions in their long (JSON) form, which reads the same in YAML and
 * JSON and needs no custom YAML tags.
 */
public final class Intrinsics {

  public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Intrinsics() {}

  public static ObjectNode ref(String logicalId) {
    return NODES.objectNode().put("Ref", logicalId);
  }

  /** Resource types whose {@code Ref} is their ARN, and which have no {@code Arn} attribute. */
  private static final java.util.Set<String> REF_IS_ARN = java.util.Set.of("AWS::SNS::Topic",
      "AWS::SecretsManager::Secret", "AWS::Lambda::LayerVersion",
      "AWS::StepFunctions::StateMachine", "AWS::IAM::ManagedPolicy",
      "AWS::Kinesis::StreamConsumer");

  public static ObjectNode getAtt(String logicalId, String attribute) {
    ObjectNode node = NODES.objectNode();
    node.putArray("Fn::GetAtt").add(logicalId).add(attribute);
    return node;
  }

  public static ObjectNode sub(String template) {
    return NODES.objectNode().put("Fn::Sub", template);
  }

  /**
   * A literal ARN as a string, a parameter as {@code Ref}, a resource of the base template as
   * its ARN: {@code Ref} for an SNS topic (whose Ref is its ARN), {@code Fn::GetAtt [X, Arn]}
   * otherwise.
   */
  public static JsonNode arn(ArnRef ref) {
    if (ref instanceof ArnRef.Parameter parameter) {
      return ref(parameter.name());
    }
    if (ref instanceof ArnRef.Resource resource) {
      return REF_IS_ARN.contains(String.valueOf(resource.type())) ? ref(resource.logicalId())
          : getAtt(resource.logicalId(), "Arn");
    }
    return NODES.textNode(ref.source());
  }

  /** A stream: a table of the base template gives {@code Fn::GetAtt [Table, StreamArn]}. */
  public static JsonNode streamArn(ArnRef ref) {
    return ref instanceof ArnRef.Resource resource ? getAtt(resource.logicalId(), "StreamArn")
        : arn(ref);
  }

  /** {@code arn} followed by {@code suffix}, e.g. a bucket's objects: {@code arn:aws:s3:::b/*}. */
  public static JsonNode arnWithSuffix(ArnRef ref, String suffix) {
    if (ref instanceof ArnRef.Parameter parameter) {
      return sub("${" + parameter.name() + "}" + suffix);
    }
    if (ref instanceof ArnRef.Resource resource) {
      return sub("${" + resource.logicalId() + ".Arn}" + suffix);
    }
    return NODES.textNode(ref.source() + suffix);
  }
}
