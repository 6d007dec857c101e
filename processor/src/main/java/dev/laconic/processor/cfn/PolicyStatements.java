package dev.laconic.processor.cfn;

import static dev.laconic.processor.cfn.Intrinsics.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The statements of one function's IAM policy, in the order they are added. */
public final class PolicyStatements {

  private final ArrayNode statements = NODES.arrayNode();

  /** Adds a statement; {@code sid} must be unique in the policy and alphanumeric. */
  public PolicyStatements add(String sid, String effect, List<String> actions, List<JsonNode> resources) {
    ObjectNode statement = statements.addObject();
    statement.put("Sid", sid);
    statement.put("Effect", effect);
    ArrayNode action = statement.putArray("Action");
    actions.forEach(action::add);
    ArrayNode resource = statement.putArray("Resource");
    resources.forEach(resource::add);
    return this;
  }

  public PolicyStatements allow(String sid, List<String> actions, List<JsonNode> resources) {
    return add(sid, "Allow", actions, resources);
  }

  /** The policy document. */
  public ObjectNode document() {
    ObjectNode document = NODES.objectNode();
    document.put("Version", "2012-10-17");
    document.set("Statement", statements);
    return document;
  }
}
