package dev.laconic.processor.cfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.laconic.processor.model.ArnRef;

/**
 * CloudFormation intrinsic functions in their long (JSON) form, which reads the same in YAML and
 * JSON and needs no custom YAML tags.
 */
final class Intrinsics {

  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Intrinsics() {}

  static ObjectNode ref(String logicalId) {
    return NODES.objectNode().put("Ref", logicalId);
  }

  static ObjectNode getAtt(String logicalId, String attribute) {
    ObjectNode node = NODES.objectNode();
    node.putArray("Fn::GetAtt").add(logicalId).add(attribute);
    return node;
  }

  static ObjectNode sub(String template) {
    return NODES.objectNode().put("Fn::Sub", template);
  }

  /** A literal ARN as a string, a parameter as {@code Ref}. */
  static JsonNode arn(ArnRef ref) {
    return ref instanceof ArnRef.Parameter parameter
        ? ref(parameter.name())
        : NODES.textNode(ref.source());
  }

  /** {@code arn} followed by {@code suffix}, e.g. a bucket's objects: {@code arn:aws:s3:::b/*}. */
  static JsonNode arnWithSuffix(ArnRef ref, String suffix) {
    return ref instanceof ArnRef.Parameter parameter
        ? sub("${" + parameter.name() + "}" + suffix)
        : NODES.textNode(ref.source() + suffix);
  }
}
