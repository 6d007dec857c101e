package dev.laconic.processor.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.laconic.processor.cfn.BaseTemplate;
import dev.laconic.processor.cfn.ResourceDependencies;
import dev.laconic.processor.cfn.TemplateBuilder;
import dev.laconic.processor.diag.Origin;
import dev.laconic.processor.diag.Diagnostic;
import dev.laconic.processor.diag.ValidationReport;
import dev.laconic.processor.model.ArnKind;
import dev.laconic.processor.model.ArnRef;
import dev.laconic.processor.model.CompositeType;
import dev.laconic.processor.model.FunctionModel;
import dev.laconic.processor.model.ParameterUse;
import dev.laconic.processor.model.PolicyModel;
import dev.laconic.processor.source.EventSources;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates functions one by one as they are parsed, then the project as a whole (names, logical
 * ids and parameters shared between functions) once every function is known.
 */
public final class Validator {

  /** CloudFormation: logical ids (parameters included) are alphanumeric, at most 255. */
  private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z0-9]{1,255}");

  private final FunctionSettingsValidator settings;
  private final TemplateBuilder.Format format;

  /**
   * @param javaRelease the Java release the sources are compiled for, such as 17
   * @param format the form the template is written in
   */
  public Validator(int javaRelease, TemplateBuilder.Format format) {
    this.settings = new FunctionSettingsValidator(javaRelease);
    this.format = format;
  }

  /** Validates one function; a clean report lets its adapter be generated. */
  public ValidationReport validate(FunctionModel function) {
    ValidationReport.Builder report = ValidationReport.builder();
    report.add(settings.validate(function.settings()));
    for (EventSources.Triggers<?> group : EventSources.groups(function)) {
      report.add(group.validate(function));
    }
    for (PolicyModel policy : function.policies()) {
      report.add(PolicyValidator.validate(policy));
    }
    Map<String, CompositeType> composites = new HashMap<>();
    function.composites().forEach(c -> composites.put(c.type().qualifiedName(), c));
    for (CompositeType composite : function.composites()) {
      report.add(CompositeTypeValidator.validate(composite, composites));
    }
    for (ParameterUse use : ParameterUse.of(function)) {
      if (!PARAMETER_NAME.matcher(use.name()).matches()) {
        report.report(Diagnostic.PARAMETER_NAME_INVALID, use.at(), use.attribute(),
            "${" + use.name() + "}");
      } else if (use.name().equals(TemplateBuilder.CODE_SHA256_PARAMETER)
          && format == TemplateBuilder.Format.CLOUDFORMATION) {
        report.report(Diagnostic.PARAMETER_NAME_RESERVED, use.at(), use.attribute(),
            "${" + use.name() + "}");
      }
    }
    return report.build();
  }

  /**
   * Checks that the logical ids {@code function} generates are free in the user's template
   * {@code base}: a parameter the user declares is reused, any other shared id is an error on the
   * function.
   */
  public ValidationReport validateAgainst(BaseTemplate base, FunctionModel function) {
    ValidationReport.Builder report = ValidationReport.builder();
    Map<String, List<String>> ids = TemplateBuilder.logicalIds(function, format);
    for (String section : List.of("Parameters", "Resources", "Outputs")) {
      for (String id : ids.get(section)) {
        String clash = base.clashWith(section, id);
        if (clash != null) {
          report.report(Diagnostic.LOGICAL_ID_TAKEN, function.origin().whole(),
              function.displayName(), id, "(" + clash + ")");
        }
      }
    }
    return report.build();
  }

  /**
   * Checks a template: that its resources do not wait for each other in a circle, which only the
   * generated resources and the base template's together can show. The error is placed on the
   * {@code @IamPolicy} value of one of {@code functions} that names a resource of the circle
   * when there is one (the usual cause: the base template's resource refers to the function),
   * else on one of {@code functions} whose resources are in it.
   */
  public ValidationReport validateTemplate(JsonNode template, List<FunctionModel> functions) {
    ValidationReport.Builder report = ValidationReport.builder();
    List<String> cycle = startingAtAPolicy(ResourceDependencies.of(template).cycle(), functions);
    if (cycle.isEmpty()) {
      return report.build();
    }
    String advice = format == TemplateBuilder.Format.SAM
        ? "A resource that a function's policy names is created before the policy, and in the"
            + " SAM variant the function waits for its policy (SAM's event mappings cannot), so"
            + " that resource must not refer to the function, its alias or version. The plain"
            + " template (the default) allows a reference to the function itself."
        : "A resource that a function's policy names is created before the policy, so it must"
            + " not refer to what waits for the policy: the function's mappings, version or"
            + " alias.";
    report.report(Diagnostic.CIRCULAR_DEPENDENCY, cycleOrigin(cycle, functions),
        String.join(" -> ", cycle), advice);
    return report.build();
  }

  /** {@code cycle} told from a function's policy, when one is in it, which is where it starts. */
  private static List<String> startingAtAPolicy(List<String> cycle,
      List<FunctionModel> functions) {
    for (FunctionModel function : functions) {
      int policy = cycle.indexOf(function.logicalIdStem() + "Policy");
      if (policy > 0) {
        List<String> rotated = new ArrayList<>(cycle.subList(policy, cycle.size() - 1));
        rotated.addAll(cycle.subList(0, policy + 1));
        return rotated;
      }
    }
    return cycle;
  }

  private static Origin.Location cycleOrigin(List<String> cycle, List<FunctionModel> functions) {
    for (FunctionModel function : functions) {
      int policy = cycle.indexOf(function.logicalIdStem() + "Policy");
      if (policy < 0) {
        continue;
      }
      String named = cycle.get(policy + 1);
      for (PolicyModel declared : function.policies()) {
        for (int i = 0; i < declared.resources().size(); i++) {
          if (declared.resources().get(i) instanceof ArnRef.Resource resource
              && resource.logicalId().equals(named)) {
            return declared.origin().at("resources", i);
          }
        }
      }
      return function.origin().whole();
    }
    for (FunctionModel function : functions) {
      if (cycle.stream().anyMatch(id -> id.startsWith(function.logicalIdStem()))) {
        return function.origin().whole();
      }
    }
    return Origin.NONE.whole();
  }

  /**
   * Checks what only the whole project shows: function names, logical ids and parameter kinds
   * shared between functions. {@code earlier} were checked in earlier rounds; only clashes that
   * involve an {@code added} function are reported, on the later of the two in template order
   * when both are new, so every build reports the same.
   */
  public ValidationReport validateProject(List<FunctionModel> earlier,
      List<FunctionModel> added) {
    ValidationReport.Builder report = ValidationReport.builder();
    List<FunctionModel> all = new ArrayList<>(earlier);
    all.addAll(added);
    all.sort(FunctionModel.TEMPLATE_ORDER);
    // By identity: two functions may be equal as records (the same method parsed twice).
    Set<FunctionModel> reportable = Collections.newSetFromMap(new IdentityHashMap<>());
    reportable.addAll(added);
    Map<String, FunctionModel> names = new HashMap<>();
    Map<String, FunctionModel> stems = new HashMap<>();
    Map<String, ParameterUse> kinds = new HashMap<>();
    for (FunctionModel function : all) {
      String name = function.settings().name();
      if (!name.isEmpty()) {
        FunctionModel other = names.putIfAbsent(name, function);
        if (other != null && (reportable.contains(function) || reportable.contains(other))) {
          FunctionModel at = reportable.contains(function) ? function : other;
          report.report(Diagnostic.DUPLICATE_FUNCTION_NAME,
              at.settings().origin().at("name"), name,
              (at == function ? other : function).displayName());
        }
      }
      FunctionModel sameStem = stems.putIfAbsent(function.logicalIdStem(), function);
      if (sameStem != null && (reportable.contains(function) || reportable.contains(sameStem))) {
        FunctionModel at = reportable.contains(function) ? function : sameStem;
        report.report(Diagnostic.LOGICAL_ID_CLASH, at.origin().whole(),
            sameStem.qualifiedClassName() + "." + sameStem.methodName(),
            function.qualifiedClassName() + "." + function.methodName(),
            function.logicalIdStem());
      }
      for (ParameterUse use : ParameterUse.of(function)) {
        ParameterUse first = kinds.get(use.name());
        if (first == null || first.kind() == ArnKind.ANY) {
          kinds.put(use.name(), use);
        } else if (use.kind() != ArnKind.ANY && use.kind() != first.kind()
            && reportable.contains(function)) {
          report.report(Diagnostic.PARAMETER_KIND_CONFLICT, use.at(), use.name(),
              use.kind().description(), first.kind().description());
        }
      }
    }
    return report.build();
  }
}
