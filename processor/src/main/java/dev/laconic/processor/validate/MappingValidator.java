package dev.laconic.processor.validate;

import dev.laconic.processor.diag.Diagnostic;
import dev.laconic.processor.diag.Reporter;
import dev.laconic.processor.model.CompositeMapping;
import dev.laconic.processor.model.MappedProperty;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks the attribute names of a mapped type: none empty, none read twice. A type used by several
 * handlers is checked, and reported, once.
 */
final class MappingValidator {

  private final Reporter reporter;
  private final Map<String, Boolean> checked = new HashMap<>();

  MappingValidator(Reporter reporter) {
    this.reporter = reporter;
  }

  /** Whether {@code mapping} has no error. */
  boolean validate(CompositeMapping mapping) {
    return checked.computeIfAbsent(mapping.type().qualifiedName(), name -> check(mapping));
  }

  private boolean check(CompositeMapping mapping) {
    int before = reporter.errorCount();
    Map<String, MappedProperty> byAttribute = new HashMap<>();
    String owner = mapping.type().displayName();
    for (MappedProperty property : mapping.properties()) {
      if (property.ignored()) {
        continue;
      }
      if (property.attributeName().isEmpty()) {
        reporter.report(Diagnostic.ATTRIBUTE_NAME_EMPTY, property.origin().at("value"),
            owner + "." + property.javaName());
        continue;
      }
      MappedProperty first = byAttribute.putIfAbsent(property.attributeName(), property);
      if (first != null) {
        reporter.report(Diagnostic.ATTRIBUTE_NAME_CLASH, property.origin().at("value"),
            property.attributeName(), owner + "." + first.javaName(),
            owner + "." + property.javaName());
      }
    }
    return reporter.errorCount() == before;
  }
}
