package dev.laconic.processor.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.laconic.processor.cfn.BaseTemplate;
import dev.laconic.processor.cfn.ResourceDependencies;
import dev.laconic.processor.cfn.TemplateBuilder;
import dev.laconic.processor.diag.Diagnostic;
import dev.laconic.processor.diag.Origin;
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
   * generated resources and the base template's together can show. A circle through a generated
   * resource is placed on one of {@code placeable} (the functions compiled now, whose elements
   * javac can still point at) that it runs through: from its policy to what the policy names, on
   * the {@code @IamPolicy} value that names it when one does, else on the method (the circle then
   * runs through a trigger's source or failure destination). A circle of the base template's own
   * resources is reported without a place.
   *
   * @param functions every function of the template
   */
  public ValidationReport validateTemplate(JsonNode template, List<FunctionModel> functions,
      List<FunctionModel> placeable) {
    ValidationReport.Builder report = ValidationReport.builder();
    List<String> cycle = ResourceDependencies.of(template).cycle();
    if (cycle.isEmpty()) {
      return report.build();
    }
    FunctionModel through = null;
    for (FunctionModel function : functions) {
      List<String> ids = TemplateBuilder.logicalIds(function, format).get("Resources");
      if (cycle.stream().anyMatch(ids::contains)) {
        through = function;
        break;
      }
    }
    if (through == null) {
      report.report(Diagnostic.CIRCULAR_DEPENDENCY, Origin.NONE.whole(),
          String.join(" -> ", cycle), "The circle is among the base template's own resources"
              + " (-Alaconic.baseTemplate).");
      return report.build();
    }
    Origin.Location at = Origin.NONE.whole();
    for (FunctionModel function : placeable) {
      List<String> ids = TemplateBuilder.logicalIds(function, format).get("Resources");
      if (cycle.stream().anyMatch(ids::contains)) {
        int policy = cycle.indexOf(function.logicalIdStem() + "Policy");
        if (policy >= 0) {
          cycle = rotated(cycle, policy);
          at = namedBy(function, cycle.get(1));
          break;
        }
        at = function.origin().whole();
      }
    }
    String advice = format == TemplateBuilder.Format.SAM
        ? "What a function's policy names (an @IamPolicy resource, a trigger's source or failure"
            + " destination) is created before the policy, and in the SAM variant the function"
            + " waits for its policy (SAM's event mappings cannot), so none of it may refer to the"
            + " function, its alias or version. The plain template (the default) allows a"
            + " reference to the function itself, unless the function is in a VPC."
        : "What a function's policy names (an @IamPolicy resource, a trigger's source or failure"
            + " destination) is created before the policy, so none of it may refer to what waits"
            + " for the policy: the function's mappings, version or alias, and a function in a"
            + " VPC itself.";
    report.report(Diagnostic.CIRCULAR_DEPENDENCY, at, String.join(" -> ", cycle), advice);
    return report.build();
  }

  /** The circle {@code cycle} ({@code [A, B, A]}) told from its element at {@code start}. */
  private static List<String> rotated(List<String> cycle, int start) {
    List<String> rotated = new ArrayList<>(cycle.subList(start, cycle.size() - 1));
    rotated.addAll(cycle.subList(0, start + 1));
    return rotated;
  }

  /** The {@code @IamPolicy} value of {@code function} naming {@code @logicalId}, else the method. */
  private static Origin.Location namedBy(FunctionModel function, String logicalId) {
    for (PolicyModel declared : function.policies()) {
      for (int i = 0; i < declared.resources().size(); i++) {
        if (declared.resources().get(i) instanceof ArnRef.Resource resource
            && resource.logicalId().equals(logicalId)) {
          return declared.origin().at("resources", i);
        }
      }
    }
    return function.origin().whole();
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
        if (first != null && !first.kind().compatibleWith(use.kind())) {
          if (reportable.contains(function)) {
            report.report(Diagnostic.PARAMETER_KIND_CONFLICT, use.at(), use.name(),
                use.kind().description(), first.kind().description());
          }
        } else if (first == null || first.kind() == ArnKind.ANY) {
          kinds.put(use.name(), use);
        }
      }
    }
    return report.build();
  }
}
