package dev.laconic.processor.cfn;

import static dev.laconic.processor.cfn.Intrinsics.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.laconic.processor.source.EventSource;
import java.util.Iterator;
import java.util.Map;

/**
 * How the SAM variant spells what the plain template writes: the few places where an
 * {@code AWS::Serverless::Function} names a property differently from the
 * {@code AWS::Lambda::Function} SAM's transform writes, and a mapping as one of its events. All
 * else SAM passes through as it is, which is what keeps both variants the same stack.
 */
final class SamTemplate {

  private SamTemplate() {}

  /**
   * The properties of an {@code AWS::Lambda::Function}, as those of the
   * {@code AWS::Serverless::Function} that SAM turns back into them: {@code Code} is
   * {@code CodeUri} (which {@code sam deploy} and {@code aws cloudformation package} upload), and
   * {@code TracingConfig: {Mode: Active}} is {@code Tracing: Active}.
   */
  static ObjectNode functionProperties(ObjectNode function) {
    ObjectNode serverless = NODES.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = function.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> property = it.next();
      switch (property.getKey()) {
        case "Code" -> serverless.set("CodeUri", property.getValue());
        case "TracingConfig" -> serverless.set("Tracing", property.getValue().get("Mode"));
        default -> serverless.set(property.getKey(), property.getValue());
      }
    }
    return serverless;
  }

  /**
   * A mapping's properties as a SAM event of {@code kind}: SAM sets {@code FunctionName} itself
   * (the function, or its alias with {@code AutoPublishAlias}) and takes the source's ARN under
   * the event type's own name.
   */
  static ObjectNode event(EventSource.SamEvent kind, ObjectNode mapping) {
    ObjectNode event = NODES.objectNode();
    event.put("Type", kind.type());
    ObjectNode properties = event.putObject("Properties");
    properties.set(kind.arnProperty(), mapping.get("EventSourceArn"));
    for (Iterator<Map.Entry<String, JsonNode>> it = mapping.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> property = it.next();
      if (!property.getKey().equals("FunctionName")
          && !property.getKey().equals("EventSourceArn")) {
        properties.set(property.getKey(), property.getValue());
      }
    }
    return event;
  }
}
