package dev.laconic.processor.validate;

import dev.laconic.processor.diag.Diagnostic;
import dev.laconic.processor.diag.ValidationReport;
import dev.laconic.processor.model.CompositeType;
import dev.laconic.processor.model.MappedProperty;
import dev.laconic.processor.model.MappedType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Checks the attribute names of a mapped type: none empty, none read twice. A type used by several
 * handlers is checked for each; the {@link dev.laconic.processor.diag.Reporter} prints a problem
 * found twice at the same place once.
 */
final class CompositeTypeValidator {

  private CompositeTypeValidator() {}

  /**
   * @param all the composite types of the function by qualified name, where flattened members
   *     of an Enhanced Client type are found
   */
  static ValidationReport validate(CompositeType composite, Map<String, CompositeType> all) {
    if (composite.conventions() == CompositeType.Conventions.ENHANCED_CLIENT) {
      return validateEnhanced(composite, all);
    }
    ValidationReport.Builder report = ValidationReport.builder();
    Map<String, MappedProperty> byAttribute = new HashMap<>();
    String owner = composite.type().displayName();
    for (MappedProperty property : composite.properties()) {
      if (property.ignored()) {
        continue;
      }
      if (property.attributeName().isEmpty()) {
        report.report(Diagnostic.ATTRIBUTE_NAME_EMPTY, property.origin().at("value"),
            owner + "." + property.javaName());
        continue;
      }
      MappedProperty first = byAttribute.putIfAbsent(property.attributeName(), property);
      if (first != null) {
        report.report(Diagnostic.ATTRIBUTE_NAME_CLASH, property.origin().at("value"),
            property.attributeName(), owner + "." + first.javaName(),
            owner + "." + property.javaName());
      }
    }
    return report.build();
  }

  /**
   * An Enhanced Client type's attribute names, its flattened members' included, must differ:
   * {@code TableSchema} refuses a second attribute of one name. The SDK accepts an empty name,
   * so this checks no more.
   */
  private static ValidationReport validateEnhanced(CompositeType composite,
      Map<String, CompositeType> all) {
    ValidationReport.Builder report = ValidationReport.builder();
    Map<String, String> byAttribute = new HashMap<>();
    String owner = composite.type().displayName();
    for (MappedProperty property : composite.properties()) {
      if (property.ignored()) {
        continue;
      }
      Map<String, String> names = new LinkedHashMap<>();
      attributes(owner, property, all, names, new HashSet<>());
      for (Map.Entry<String, String> name : names.entrySet()) {
        String first = byAttribute.putIfAbsent(name.getKey(), name.getValue());
        if (first != null) {
          report.report(Diagnostic.ENHANCED_ATTRIBUTE_CLASH, property.origin().at("value"),
              name.getKey(), first, name.getValue());
        }
      }
    }
    return report.build();
  }

  /** The attribute names {@code property} maps, through flattening, to the member mapping each. */
  private static void attributes(String owner, MappedProperty property,
      Map<String, CompositeType> all, Map<String, String> names, Set<String> flattening) {
    if (!property.flattened()) {
      names.putIfAbsent(property.attributeName(), owner + "." + property.javaName());
      return;
    }
    if (!(property.type() instanceof MappedType.Composite nested)) {
      return; // a flattened Map<String, String> adds no attribute of its own
    }
    CompositeType flattened = all.get(nested.type().qualifiedName());
    if (flattened == null || !flattening.add(nested.type().qualifiedName())) {
      return;
    }
    for (MappedProperty inner : flattened.properties()) {
      if (!inner.ignored()) {
        attributes(owner + "." + property.javaName(), inner, all, names, flattening);
      }
    }
  }
}
