package dev.laconic.processor.validate;

import dev.laconic.processor.diag.Diagnostic;
import dev.laconic.processor.diag.ValidationReport;
import dev.laconic.processor.model.CompositeType;
import dev.laconic.processor.model.MappedProperty;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks the attribute names of a mapped type: none empty, none read twice. A type used by several
 * handlers is checked for each; the {@link dev.laconic.processor.diag.Reporter} prints a problem
 * found twice at the same place once.
 */
final class CompositeTypeValidator {

  private CompositeTypeValidator() {}

  static ValidationReport validate(CompositeType composite) {
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
}
