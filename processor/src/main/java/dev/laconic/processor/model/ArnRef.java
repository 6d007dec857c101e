package dev.laconic.processor.model;

/**
 * A value that names an AWS resource: either a literal ARN or a template parameter written
 * {@code ${Name}}, which the template declares and references with {@code Ref}.
 */
public sealed interface ArnRef {

  /** The value exactly as written in the annotation. */
  String source();

  /** Parses an annotation value: {@code ${Name}} is a parameter, anything else a literal. */
  static ArnRef parse(String value) {
    if (value.startsWith("${") && value.endsWith("}") && value.length() >= 3) {
      return new Parameter(value.substring(2, value.length() - 1));
    }
    return new Literal(value);
  }

  /** A literal ARN (or {@code *} in IAM statements). */
  record Literal(String arn) implements ArnRef {
    @Override
    public String source() {
      return arn;
    }
  }

  /** A template parameter, declared once per name, whatever the number of uses. */
  record Parameter(String name) implements ArnRef {
    @Override
    public String source() {
      return "${" + name + "}";
    }
  }
}
