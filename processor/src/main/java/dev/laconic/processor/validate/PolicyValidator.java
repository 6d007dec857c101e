package dev.laconic.processor.validate;

import dev.laconic.processor.diag.Diagnostic;
import dev.laconic.processor.diag.ValidationReport;
import dev.laconic.processor.model.ArnKind;
import dev.laconic.processor.model.ArnRef;
import dev.laconic.processor.model.PolicyModel;
import java.util.regex.Pattern;

/** Checks {@code @IamPolicy} statements against IAM's grammar for actions and resources. */
final class PolicyValidator {

  /** IAM: a service prefix, a colon, an action name where * and ? are wildcards. */
  private static final Pattern ACTION = Pattern.compile("[a-z0-9-]+:[A-Za-z0-9*?]+");

  /**
   * A template parameter written inside a longer value: it would reach IAM as the literal text
   * {@code ${Name}}. IAM's own policy variables ({@code ${aws:username}}, {@code ${*}}) contain a
   * colon or are a single special character, so they do not match and pass through as written.
   */
  private static final Pattern EMBEDDED_PARAMETER = Pattern.compile("\\$\\{[A-Za-z0-9]+\\}");

  private PolicyValidator() {}

  static ValidationReport validate(PolicyModel policy) {
    ValidationReport.Builder report = ValidationReport.builder();
    var at = policy.origin();
    if (policy.actions().isEmpty()) {
      report.report(Diagnostic.POLICY_ACTIONS_EMPTY, at.at("actions"));
    }
    for (int i = 0; i < policy.actions().size(); i++) {
      String action = policy.actions().get(i);
      if (action.equals("*")) {
        report.report(Diagnostic.POLICY_ACTION_WILDCARD, at.at("actions", i));
      } else if (!ACTION.matcher(action).matches()) {
        report.report(Diagnostic.POLICY_ACTION_INVALID, at.at("actions", i), action);
      }
    }
    if (policy.resources().isEmpty()) {
      report.report(Diagnostic.POLICY_RESOURCES_EMPTY, at.at("resources"));
    }
    for (int i = 0; i < policy.resources().size(); i++) {
      if (policy.resources().get(i) instanceof ArnRef.Resource resource
          && resource.type() == null) {
        report.report(Diagnostic.RESOURCE_NOT_FOUND, at.at("resources", i), "resources",
            resource.source(), resource.logicalId());
      }
      if (policy.resources().get(i) instanceof ArnRef.Literal literal) {
        if (literal.arn().equals("*")) {
          report.report(Diagnostic.POLICY_RESOURCE_WILDCARD, at.at("resources", i),
              String.join(", ", policy.actions()));
        } else if (!ArnKind.ANY.matches(literal.arn())
            || EMBEDDED_PARAMETER.matcher(literal.arn()).find()) {
          report.report(Diagnostic.POLICY_RESOURCE_INVALID, at.at("resources", i),
              literal.arn());
        }
      }
    }
    return report.build();
  }
}
