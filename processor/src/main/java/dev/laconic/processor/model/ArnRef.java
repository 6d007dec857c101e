package dev.laconic.processor.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * A value that names an AWS resource: a literal ARN, a template parameter written
 * {@code ${Name}}, which the template declares and references with {@code Ref}, or a resource of
 * the user's base template written {@code @Name}.
 */
public sealed interface ArnRef {

  /** The value exactly as written in the annotation. */
  String source();

  /** Parses an annotation value without a base template. */
  static ArnRef parse(String value) {
    return parse(value, id -> null);
  }

  /**
   * Parses an annotation value: {@code ${Name}} is a parameter, {@code @Name} a resource of the
   * base template (looked up in {@code baseResources}), anything else a literal.
   */
  static ArnRef parse(String value, java.util.function.Function<String, Resource> baseResources) {
    if (value.startsWith("${") && value.endsWith("}") && value.length() >= 3) {
      return new Parameter(value.substring(2, value.length() - 1));
    }
    if (value.matches("@[A-Za-z0-9]{1,255}")) {
      Resource found = baseResources.apply(value.substring(1));
      return found != null ? found : new Resource(value.substring(1), null, false);
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

  /**
   * A resource of the user's base template.
   *
   * @param type its CloudFormation type, such as {@code AWS::DynamoDB::Table}; null when the base
   *     template has no such resource (or there is no base template)
   * @param hasStream for a table, whether it declares a {@code StreamSpecification}
   * @param properties the resource's {@code Properties} as the base template writes them, for
   *     checks that depend on them (a queue's visibility timeout); an empty object when unknown
   */
  record Resource(String logicalId, String type, boolean hasStream,
      JsonNode properties) implements ArnRef {

    /** A resource whose properties are not known. */
    public Resource(String logicalId, String type, boolean hasStream) {
      this(logicalId, type, hasStream, JsonNodeFactory.instance.objectNode());
    }

    @Override
    public String source() {
      return "@" + logicalId;
    }
  }
}
