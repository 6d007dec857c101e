package dev.laconic.processor.model;

import dev.laconic.processor.diag.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One use of a template parameter {@code ${Name}}: which kind of ARN it must hold and where it
 * was written.
 *
 * @param attribute the annotation attribute, for messages: {@code streamArn}, {@code onFailure},
 *     {@code resources}
 */
public record ParameterUse(String name, ArnKind kind, String attribute, Origin.Location at) {

  /**
   * Every parameter use of {@code function}, in source order: its settings, triggers, then
   * policies.
   */
  public static List<ParameterUse> of(FunctionModel function) {
    List<ParameterUse> uses = new ArrayList<>();
    for (FunctionSettings.Reference reference : function.settings().references()) {
      if (reference.value() instanceof ArnRef.Parameter p) {
        uses.add(new ParameterUse(p.name(), reference.kind(), reference.attribute(),
            reference.at()));
      }
    }
    for (TriggerModel trigger : function.triggers()) {
      uses.addAll(trigger.parameterUses());
    }
    for (PolicyModel policy : function.policies()) {
      for (int i = 0; i < policy.resources().size(); i++) {
        if (policy.resources().get(i) instanceof ArnRef.Parameter p) {
          uses.add(new ParameterUse(p.name(), ArnKind.ANY, "resources",
              policy.origin().at("resources", i)));
        }
      }
    }
    return uses;
  }

  /**
   * Every parameter of {@code functions} by name, sorted, with the kind of ARN it must hold: the
   * most specific of its uses (a stream ARN parameter also used in an IAM statement stays a
   * stream ARN parameter).
   */
  public static SortedMap<String, ArnKind> kinds(List<FunctionModel> functions) {
    SortedMap<String, ArnKind> kinds = new TreeMap<>();
    for (FunctionModel function : functions) {
      for (ParameterUse use : of(function)) {
        kinds.merge(use.name(), use.kind(), (a, b) -> a == ArnKind.ANY ? b : a);
      }
    }
    return kinds;
  }
}
