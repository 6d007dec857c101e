package dev.laconic.local.describe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a function may do: the statements of every policy of the template attached to its role
 * ({@code AWS::IAM::Policy} and {@code AWS::IAM::ManagedPolicy} naming the role, the role's own
 * {@code Policies}), the role's managed policies, and a SAM function's {@code Policies}.
 */
final class PolicyReader {

  private final JsonNode resources;

  PolicyReader(JsonNode resources) {
    this.resources = resources;
  }

  /**
   * The statements of the function with properties {@code function}: of its role when the
   * template declares it, and of its SAM {@code Policies}.
   */
  List<PolicyStatement> statements(JsonNode function, Optional<String> role) {
    List<PolicyStatement> statements = new ArrayList<>();
    role.ifPresent(roleId -> {
      for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> resource = it.next();
        String type = resource.getValue().path("Type").asText();
        JsonNode properties = resource.getValue().path("Properties");
        if ((type.equals("AWS::IAM::Policy") || type.equals("AWS::IAM::ManagedPolicy"))
            && namesRole(properties.path("Roles"), roleId)) {
          String name = properties.path("PolicyName").asText(
              properties.path("ManagedPolicyName").asText(resource.getKey()));
          document(name, properties.path("PolicyDocument"), statements);
        }
      }
      JsonNode roleProperties = resources.path(roleId).path("Properties");
      for (JsonNode policy : roleProperties.path("Policies")) {
        document(policy.path("PolicyName").asText(roleId), policy.path("PolicyDocument"),
            statements);
      }
      for (String managed : TemplateText.each(roleProperties.path("ManagedPolicyArns"))) {
        statements.add(named(managed));
      }
    });
    JsonNode samPolicies = function.path("Policies");
    for (JsonNode policy : samPolicies.isArray() ? samPolicies : List.of(samPolicies)) {
      if (policy.isMissingNode()) {
        continue;
      }
      if (policy.has("Statement")) {
        document("Policies", policy, statements);
      } else if (policy.isObject() && policy.size() == 1) {
        // A SAM policy template, such as {DynamoDBCrudPolicy: {TableName: ...}}.
        Map.Entry<String, JsonNode> template = policy.fields().next();
        statements.add(named(template.getKey() + " " + TemplateText.of(template.getValue())));
      } else {
        statements.add(named(TemplateText.of(policy)));
      }
    }
    return statements;
  }

  /** Whether {@code roles} (a policy's {@code Roles}) names the role {@code roleId}. */
  private static boolean namesRole(JsonNode roles, String roleId) {
    for (JsonNode role : roles) {
      if (role.path("Ref").asText().equals(roleId) || role.asText().equals(roleId)) {
        return true;
      }
    }
    return false;
  }

  private static void document(String policy, JsonNode document, List<PolicyStatement> into) {
    JsonNode statements = document.path("Statement");
    for (JsonNode statement : statements.isArray() ? statements : List.of(statements)) {
      if (!statement.isObject()) {
        continue;
      }
      List<String> actions = new ArrayList<>(TemplateText.each(statement.path("Action")));
      TemplateText.each(statement.path("NotAction")).forEach(a -> actions.add("not " + a));
      List<String> resources = new ArrayList<>(TemplateText.each(statement.path("Resource")));
      TemplateText.each(statement.path("NotResource")).forEach(r -> resources.add("not " + r));
      JsonNode condition = statement.path("Condition");
      into.add(new PolicyStatement(policy, statement.path("Sid").asText(),
          statement.path("Effect").asText(), actions, resources,
          condition.isMissingNode() ? "" : condition.toString()));
    }
  }

  /** A managed policy or SAM policy template: known by name, its statements elsewhere. */
  private static PolicyStatement named(String name) {
    return new PolicyStatement(name, "", "", List.of(), List.of(), "");
  }
}
