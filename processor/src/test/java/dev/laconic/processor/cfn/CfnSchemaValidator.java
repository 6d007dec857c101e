package dev.laconic.processor.cfn;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.networknt.schema.AbstractKeyword;
import com.networknt.schema.DisallowUnknownKeywordFactory;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.JsonValidator;
import com.networknt.schema.Keyword;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.ValidationContext;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.ValidatorTypeCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Validates a generated CloudFormation template the way a stack deployment would, for tests.
 *
 * <p>Every resource's {@code Properties} is checked against the official CloudFormation registry
 * schema of its type (the copies under {@code src/test/resources/cfn-schemas/}, see
 * {@code SOURCE.md} there) with a real JSON Schema validator. Before that, intrinsic functions are
 * resolved to the concrete values a deployed stack would see, so that patterns such as the role
 * ARN of {@code AWS::Lambda::Function.Role} are checked against well-formed values:
 *
 * <ul>
 *   <li>{@code Ref} to a parameter gives the value passed in (or the parameter's {@code Default});
 *       to a pseudo parameter a fixed value ({@value #REGION}, {@value #ACCOUNT_ID},
 *       {@value #PARTITION}, stack name {@value #STACK_NAME}); to a resource its physical id
 *       (function, role, log group, table, queue and Kinesis stream names honour an explicit name
 *       property, and are otherwise generated as {@code laconic-test-<LogicalId>-ABC123}; a
 *       Kinesis stream consumer's physical id is its ARN).
 *   <li>{@code Fn::GetAtt} gives a well-formed ARN or id for the attributes modelled per type.
 *   <li>{@code Fn::Sub} (string form or {@code [string, variables]}) substitutes {@code ${Name}},
 *       {@code ${LogicalId.Attribute}} and {@code ${AWS::...}} with the same rules, and turns
 *       {@code ${!Literal}} into {@code ${Literal}}.
 *   <li>A plain string {@code Code} of {@code AWS::Lambda::Function} is rewritten to an S3
 *       location, as {@code aws cloudformation package} does.
 * </ul>
 *
 * <p>Any other intrinsic function is reported as unsupported rather than skipped.
 *
 * <p>Checks beyond the schemas: parameter values (missing, undeclared, {@code AllowedPattern},
 * {@code AllowedValues}, lengths, {@code Number}), template and resource keys, logical ids,
 * references to undefined names or attributes, read-only properties set as input (the schema
 * lists them under {@code properties}, so the JSON Schema alone would accept them),
 * {@code DependsOn} targets and circular dependencies between resources (edges from {@code Ref},
 * {@code Fn::GetAtt}, {@code Fn::Sub} and {@code DependsOn}). A resource type without a copied
 * schema is itself a problem, so new types cannot slip through unvalidated.
 *
 * <p><b>Scalar conversion.</b> CloudFormation converts scalars to the type a resource schema
 * declares: {@code "10"} is accepted for an integer, {@code "true"} for a boolean and {@code 10}
 * for a string. This validator does the same, so a quoted number passes, but its range is still
 * checked on the converted value, and a string that is not a number (such as {@code "ten"}) is
 * still a type error. Arrays are never made from single values.
 *
 * <p><b>Schema dialect.</b> The schemas are draft-07 plus CloudFormation's own keywords. The
 * annotation keywords ({@code insertionOrder}, {@code readOnlyProperties}, {@code tagging}, ...)
 * are registered as non-validating; {@code prefixItems} and {@code dependentRequired}, which
 * cfn-lint uses in draft-07 schemas, validate as in later drafts; cfn-lint's {@code uniqueKeys}
 * is enforced. Any other keyword makes loading a schema fail, so a newer schema copy cannot
 * weaken validation unnoticed. Custom {@code format} values (such as {@code AWS::IAM::Role.Arn})
 * are not asserted.
 */
public final class CfnSchemaValidator {

  static final String REGION = "us-east-1";
  static final String ACCOUNT_ID = "123456789012";
  static final String PARTITION = "aws";
  static final String STACK_NAME = "laconic-test";
  static final String URL_SUFFIX = "amazonaws.com";
  static final String STACK_ID =
      "arn:aws:cloudformation:us-east-1:123456789012:stack/laconic-test/"
          + "5b9a3d20-1c2e-11f0-9f2a-0a1b2c3d4e5f";
  /** Suffix CloudFormation would add to generated physical names; fixed here. */
  static final String NAME_SUFFIX = "ABC123";
  /** Where {@code aws cloudformation package} would upload a local {@code Code} path. */
  static final String ARTIFACT_BUCKET = "laconic-artifacts";

  static final String ARTIFACT_KEY = "0123456789abcdef";
  static final String STREAM_LABEL = "2024-01-01T00:00:00.000";
  static final String EVENT_SOURCE_MAPPING_ID = "0e5b2a71-6f2c-4c3e-9b8a-1d2e3f4a5b6c";
  /** A value of the SnapStart functions' {@code LaconicCodeSha256}: the SHA-256 of no bytes. */
  public static final String CODE_SHA256 = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";
  /** The number Lambda gives a version it publishes, as {@code Fn::GetAtt V.Version} says it. */
  static final String PUBLISHED_VERSION = "1";
  static final String ROLE_ID = "AROA1234567890EXAMPLE";
  /** When every enhanced fan-out consumer was registered, as its ARN and attribute give it. */
  static final long CONSUMER_CREATED_SECONDS = 1704067200L;
  static final String CONSUMER_CREATED = "2024-01-01T00:00:00Z";

  /** The meta-schema URI of CloudFormation resource provider schemas; one schema names it. */
  private static final String PROVIDER_SCHEMA_IRI =
      "https://raw.githubusercontent.com/aws-cloudformation/cloudformation-resource-schema/"
          + "master/src/main/resources/schema/provider.definition.schema.v1.json";

  private static final String SCHEMA_DIR = "/cfn-schemas/";

  /** CloudFormation keywords that describe a resource type but constrain no value. */
  private static final List<String> ANNOTATION_KEYWORDS =
      List.of(
          "typeName",
          "sourceUrl",
          "documentationUrl",
          "replacementStrategy",
          "taggable",
          "tagging",
          "handlers",
          "primaryIdentifier",
          "additionalIdentifiers",
          "readOnlyProperties",
          "writeOnlyProperties",
          "createOnlyProperties",
          "conditionalCreateOnlyProperties",
          "nonPublicProperties",
          "nonPublicDefinitions",
          "deprecatedProperties",
          "propertyTransform",
          "resourceLink",
          "insertionOrder",
          "arrayType",
          "relationshipRef");

  private static final Set<String> TEMPLATE_KEYS =
      Set.of(
          "AWSTemplateFormatVersion",
          "Description",
          "Metadata",
          "Parameters",
          "Rules",
          "Mappings",
          "Conditions",
          "Transform",
          "Resources",
          "Outputs");

  private static final Set<String> RESOURCE_KEYS =
      Set.of(
          "Type",
          "Properties",
          "DependsOn",
          "Metadata",
          "Condition",
          "DeletionPolicy",
          "UpdateReplacePolicy",
          "CreationPolicy",
          "UpdatePolicy");

  private static final Set<String> PARAMETER_KEYS =
      Set.of(
          "Type",
          "Default",
          "Description",
          "AllowedPattern",
          "AllowedValues",
          "ConstraintDescription",
          "MinLength",
          "MaxLength",
          "MinValue",
          "MaxValue",
          "NoEcho");

  private static final Pattern LOGICAL_ID = Pattern.compile("[A-Za-z0-9]+");
  private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
  private static final Pattern NUMBER =
      Pattern.compile("-?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?");

  /** Bounds the conversion loop should two schema branches want different scalar types. */
  private static final int MAX_CONVERSION_ROUNDS = 8;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final YAMLFactory YAML = new YAMLFactory();

  private static final JsonSchemaFactory SCHEMA_FACTORY = schemaFactory();
  private static final SchemaValidatorsConfig SCHEMA_CONFIG =
      SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
  private static final Map<String, Optional<JsonSchema>> SCHEMAS = new ConcurrentHashMap<>();
  private static final Map<String, JsonNode> SCHEMA_DOCUMENTS = new ConcurrentHashMap<>();

  private CfnSchemaValidator() {}

  /**
   * Reads a template written as JSON or YAML. YAML short-form intrinsics ({@code !Ref X},
   * {@code !GetAtt X.Arn}, {@code !Sub ...}) are turned into their long form; duplicate keys are
   * an error, as in CloudFormation.
   */
  public static JsonNode readTemplate(String yamlOrJson) {
    try {
      if (yamlOrJson.strip().startsWith("{")) {
        return JSON.readTree(yamlOrJson);
      }
      try (YAMLParser parser = YAML.createParser(yamlOrJson)) {
        if (parser.nextToken() == null) {
          throw new IllegalArgumentException("empty template");
        }
        return readYamlNode(parser);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("not a readable template: " + e.getMessage(), e);
    }
  }

  /**
   * Validates {@code template} for a deployment with {@code parameterValues}.
   *
   * @return human-readable problems, each naming where it is (for a resource: its logical id and
   *     type); empty if the template is valid
   */
  public static List<String> validate(JsonNode template, Map<String, String> parameterValues) {
    return new Run(template, parameterValues == null ? Map.of() : parameterValues).run();
  }

  /** Whether a schema for {@code type} was copied into the test resources. */
  static boolean hasSchema(String type) {
    return schemaFor(type).isPresent();
  }

  /** The resource file name the schema of {@code type} is looked up under (cfn-lint's naming). */
  static String schemaFileName(String type) {
    return type.toLowerCase(Locale.ROOT).replace("::", "-") + ".json";
  }

  /**
   * Loads and compiles the schema of {@code type}; every keyword in it must be understood.
   *
   * @throws IllegalStateException if the schema file is unreadable, names another type, or uses a
   *     keyword the dialect does not know
   */
  static Optional<JsonSchema> schemaFor(String type) {
    return SCHEMAS.computeIfAbsent(type, CfnSchemaValidator::loadSchema);
  }

  private static Optional<JsonSchema> loadSchema(String type) {
    JsonNode document = schemaDocument(type);
    if (document == null) {
      return Optional.empty();
    }
    try {
      JsonSchema schema = SCHEMA_FACTORY.getSchema(document, SCHEMA_CONFIG);
      schema.initializeValidators();
      return Optional.of(schema);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "schema " + schemaFileName(type) + " cannot be compiled: " + e.getMessage(), e);
    }
  }

  private static JsonNode schemaDocument(String type) {
    JsonNode cached = SCHEMA_DOCUMENTS.get(type);
    if (cached != null) {
      return cached.isMissingNode() ? null : cached;
    }
    String resource = SCHEMA_DIR + schemaFileName(type);
    JsonNode document;
    try (InputStream in = CfnSchemaValidator.class.getResourceAsStream(resource)) {
      document = in == null ? MissingNode.getInstance() : JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
    if (!document.isMissingNode() && !type.equals(document.path("typeName").asText())) {
      throw new IllegalStateException(
          resource + " describes " + document.path("typeName").asText() + ", not " + type);
    }
    SCHEMA_DOCUMENTS.put(type, document);
    return document.isMissingNode() ? null : document;
  }

  private static JsonSchemaFactory schemaFactory() {
    List<Keyword> keywords = new ArrayList<>();
    for (String name : ANNOTATION_KEYWORDS) {
      keywords.add(new NonValidationKeyword(name));
    }
    keywords.add(ValidatorTypeCode.PREFIX_ITEMS);
    keywords.add(ValidatorTypeCode.DEPENDENT_REQUIRED);
    keywords.add(new UniqueKeysKeyword());
    JsonMetaSchema dialect =
        JsonMetaSchema.builder(PROVIDER_SCHEMA_IRI, JsonMetaSchema.getV7())
            .keywords(keywords)
            .unknownKeywordFactory(DisallowUnknownKeywordFactory.getInstance())
            .build();
    return JsonSchemaFactory.builder()
        .defaultMetaSchemaIri(PROVIDER_SCHEMA_IRI)
        .metaSchema(dialect)
        .build();
  }

  // ---------------------------------------------------------------------------------------------
  // One validation run

  /** State of one {@link #validate} call. */
  private static final class Run {
    private final JsonNode template;
    private final Map<String, String> given;
    private final Set<String> problems = new LinkedHashSet<>();
    /** Parameter name to its value for this deployment; null when it has none. */
    private final Map<String, JsonNode> parameters = new LinkedHashMap<>();

    private final Map<String, JsonNode> resources = new LinkedHashMap<>();
    private final Map<String, String> types = new HashMap<>();
    /** Resource to the resources it depends on. */
    private final Map<String, Set<String>> dependencies = new LinkedHashMap<>();

    private final Map<String, String> physicalIds = new HashMap<>();
    private final Set<String> naming = new HashSet<>();

    Run(JsonNode template, Map<String, String> given) {
      this.template = template;
      this.given = given;
    }

    List<String> run() {
      if (template == null || !template.isObject()) {
        return List.of("template: must be an object");
      }
      checkTemplateKeys();
      readParameters();
      readResources();
      for (String id : resources.keySet()) {
        validateResource(id);
      }
      checkOutputs();
      checkCycles();
      return List.copyOf(problems);
    }

    private void checkTemplateKeys() {
      template
          .fieldNames()
          .forEachRemaining(
              key -> {
                if (!TEMPLATE_KEYS.contains(key)) {
                  problems.add("template: unknown top-level key '" + key + "'");
                }
              });
      JsonNode version = template.get("AWSTemplateFormatVersion");
      if (version != null && !"2010-09-09".equals(version.asText())) {
        problems.add("template: AWSTemplateFormatVersion must be 2010-09-09, not " + version);
      }
      JsonNode description = template.get("Description");
      if (description != null && !description.isTextual()) {
        problems.add("template: Description must be a string");
      }
    }

    private void readParameters() {
      JsonNode declared = template.path("Parameters");
      if (!declared.isMissingNode() && !declared.isObject()) {
        problems.add("template: Parameters must be an object");
        declared = NODES.objectNode();
      }
      for (Map.Entry<String, JsonNode> entry : fields(declared)) {
        String name = entry.getKey();
        String where = "parameter " + name;
        JsonNode spec = entry.getValue();
        checkLogicalId(where, name);
        if (!spec.isObject()) {
          problems.add(where + ": must be an object");
          parameters.put(name, null);
          continue;
        }
        spec.fieldNames()
            .forEachRemaining(
                key -> {
                  if (!PARAMETER_KEYS.contains(key)) {
                    problems.add(where + ": unknown key '" + key + "'");
                  }
                });
        String type = spec.path("Type").asText("");
        if (type.isEmpty()) {
          problems.add(where + ": Type is required");
        }
        String value = given.get(name);
        if (value == null && spec.hasNonNull("Default")) {
          value = spec.get("Default").asText();
        }
        if (value == null) {
          problems.add(where + ": no value given and no Default");
          parameters.put(name, null);
          continue;
        }
        if (!checkParameterValue(where, spec, type, value)) {
          parameters.put(name, null); // CloudFormation would stop here; so do its references
          continue;
        }
        if (type.equals("CommaDelimitedList") || type.startsWith("List<")) {
          ArrayNode list = NODES.arrayNode();
          for (String item : value.split(",", -1)) {
            list.add(item.strip());
          }
          parameters.put(name, list);
        } else {
          parameters.put(name, TextNode.valueOf(value));
        }
      }
      for (String name : given.keySet()) {
        if (!parameters.containsKey(name)) {
          problems.add("parameter " + name + ": a value is given but the template declares no such"
              + " parameter");
        }
      }
    }

    /** Checks a value against the parameter's constraints; false if it breaks one. */
    private boolean checkParameterValue(String where, JsonNode spec, String type, String value) {
      int before = problems.size();
      String shown = "value '" + value + "'";
      if (spec.has("AllowedPattern")) {
        String regex = spec.get("AllowedPattern").asText();
        try {
          if (!Pattern.compile(regex).matcher(value).matches()) {
            problems.add(where + ": " + shown + " does not match AllowedPattern " + regex);
          }
        } catch (PatternSyntaxException e) {
          problems.add(where + ": AllowedPattern is not a valid regular expression: " + regex);
        }
      }
      JsonNode allowed = spec.get("AllowedValues");
      if (allowed != null) {
        boolean found = false;
        for (JsonNode option : allowed) {
          found |= option.asText().equals(value);
        }
        if (!found) {
          problems.add(where + ": " + shown + " is not one of AllowedValues " + allowed);
        }
      }
      if (spec.has("MinLength") && value.length() < spec.get("MinLength").asInt()) {
        problems.add(where + ": " + shown + " is shorter than MinLength " + spec.get("MinLength"));
      }
      if (spec.has("MaxLength") && value.length() > spec.get("MaxLength").asInt()) {
        problems.add(where + ": " + shown + " is longer than MaxLength " + spec.get("MaxLength"));
      }
      if (type.equals("Number")) {
        if (!NUMBER.matcher(value).matches()) {
          problems.add(where + ": " + shown + " is not a Number");
        } else {
          BigDecimal number = new BigDecimal(value);
          if (spec.has("MinValue") && number.compareTo(spec.get("MinValue").decimalValue()) < 0) {
            problems.add(where + ": " + shown + " is below MinValue " + spec.get("MinValue"));
          }
          if (spec.has("MaxValue") && number.compareTo(spec.get("MaxValue").decimalValue()) > 0) {
            problems.add(where + ": " + shown + " is above MaxValue " + spec.get("MaxValue"));
          }
        }
      }
      return problems.size() == before;
    }

    private void readResources() {
      JsonNode declared = template.get("Resources");
      if (declared == null || !declared.isObject() || declared.isEmpty()) {
        problems.add("template: Resources must be an object with at least one resource");
        return;
      }
      for (Map.Entry<String, JsonNode> entry : fields(declared)) {
        String id = entry.getKey();
        JsonNode resource = entry.getValue();
        checkLogicalId("resource " + id, id);
        if (parameters.containsKey(id)) {
          problems.add("resource " + id + ": a parameter has the same logical id");
        }
        if (!resource.isObject() || !resource.path("Type").isTextual()) {
          problems.add("resource " + id + ": must be an object with a string Type");
          continue;
        }
        resources.put(id, resource);
        types.put(id, resource.get("Type").asText());
        dependencies.put(id, new TreeSet<>());
      }
    }

    private void checkLogicalId(String where, String id) {
      if (!LOGICAL_ID.matcher(id).matches()) {
        problems.add(where + ": logical id must be alphanumeric (A-Za-z0-9)");
      }
    }

    private String label(String id) {
      return id + " (" + types.get(id) + ")";
    }

    private void validateResource(String id) {
      JsonNode resource = resources.get(id);
      String type = types.get(id);
      String label = label(id);
      resource
          .fieldNames()
          .forEachRemaining(
              key -> {
                if (!RESOURCE_KEYS.contains(key)) {
                  problems.add(label + ": unknown resource attribute '" + key + "'");
                }
              });
      checkDependsOn(id, resource.get("DependsOn"));

      JsonNode declared = resource.get("Properties");
      if (declared != null && !declared.isObject()) {
        problems.add(label + " at Properties: must be an object");
        return;
      }
      Scope scope = new Scope(id, label, "Properties");
      JsonNode resolved = declared == null ? NODES.objectNode() : resolve(declared, scope, "");
      if (resolved == null || !resolved.isObject()) {
        problems.add(label + " at Properties: must resolve to an object");
        return;
      }
      ObjectNode properties = (ObjectNode) resolved;
      if (type.equals("AWS::Lambda::Function") && properties.path("Code").isTextual()) {
        properties.set("Code", packagedCode(properties.get("Code").asText()));
      }

      Optional<JsonSchema> schema = schemaFor(type);
      if (schema.isEmpty()) {
        problems.add(label + ": no schema for type " + type + " (add " + SCHEMA_DIR.substring(1)
            + schemaFileName(type) + " to the test resources)");
        return;
      }
      checkReadOnly(label, properties, schemaDocument(type));
      for (ValidationMessage message : validateConverting(schema.get(), properties)) {
        String pointer = message.getInstanceLocation().toString();
        if (scope.isUnresolved(pointer)) {
          continue;
        }
        problems.add(
            label + " at Properties" + pointer + ": " + errorText(message) + alternative(message));
      }
    }

    private void checkDependsOn(String id, JsonNode dependsOn) {
      if (dependsOn == null) {
        return;
      }
      List<JsonNode> names = new ArrayList<>();
      if (dependsOn.isArray()) {
        dependsOn.forEach(names::add);
      } else {
        names.add(dependsOn);
      }
      for (JsonNode name : names) {
        if (!name.isTextual()) {
          problems.add(label(id) + " at DependsOn: must be a resource name or a list of them");
        } else if (!resources.containsKey(name.asText())) {
          problems.add(label(id) + " at DependsOn: depends on '" + name.asText()
              + "', which is not a resource of the template");
        } else {
          dependencies.get(id).add(name.asText());
        }
      }
    }

    /** The schema lists read-only properties (outputs such as Arn) as properties; reject them. */
    private void checkReadOnly(String label, JsonNode properties, JsonNode schemaDocument) {
      for (JsonNode pointer : schemaDocument.path("readOnlyProperties")) {
        String path = pointer.asText();
        if (!path.startsWith("/properties/")) {
          continue;
        }
        List<String> segments = List.of(path.substring("/properties/".length()).split("/"));
        if (present(properties, segments, 0)) {
          problems.add(label + " at Properties/" + String.join("/", segments)
              + ": read-only property cannot be set");
        }
      }
    }

    private static boolean present(JsonNode node, List<String> segments, int index) {
      if (index == segments.size()) {
        return true;
      }
      String segment = segments.get(index);
      if (segment.equals("*")) {
        for (JsonNode item : node) {
          if (present(item, segments, index + 1)) {
            return true;
          }
        }
        return false;
      }
      return node.isObject() && node.has(segment)
          && present(node.get(segment), segments, index + 1);
    }

    private void checkOutputs() {
      JsonNode outputs = template.path("Outputs");
      if (outputs.isMissingNode()) {
        return;
      }
      if (!outputs.isObject()) {
        problems.add("template: Outputs must be an object");
        return;
      }
      for (Map.Entry<String, JsonNode> entry : fields(outputs)) {
        String where = "output " + entry.getKey();
        checkLogicalId(where, entry.getKey());
        JsonNode output = entry.getValue();
        if (!output.isObject() || !output.has("Value")) {
          problems.add(where + ": must be an object with a Value");
          continue;
        }
        JsonNode value = resolve(output.get("Value"), new Scope(null, where, "Value"), "");
        if (value == null || !(value.isValueNode() || value.isArray())) {
          problems.add(where + " at Value: must resolve to a string");
        }
        if (output.has("Export")) {
          resolve(output.get("Export"), new Scope(null, where, "Export"), "");
        }
      }
    }

    // -------------------------------------------------------------------------------------------
    // Intrinsic functions

    /** Where resolution happens: the resource (if any) whose dependencies edges are added to. */
    private static final class Scope {
      final String owner;
      final String label;
      final String base;
      /** JSON pointers (relative to base) holding a stand-in for a value that did not resolve. */
      final Set<String> unresolved = new HashSet<>();

      Scope(String owner, String label, String base) {
        this.owner = owner;
        this.label = label;
        this.base = base;
      }

      String at(String pointer) {
        return label + " at " + base + pointer;
      }

      boolean isUnresolved(String pointer) {
        for (String prefix : unresolved) {
          if (pointer.equals(prefix) || pointer.startsWith(prefix + "/")) {
            return true;
          }
        }
        return false;
      }
    }

    /** Resolves intrinsics in a copy of {@code node}; null means {@code AWS::NoValue}. */
    private JsonNode resolve(JsonNode node, Scope scope, String pointer) {
      if (node.isObject()) {
        if (node.size() == 1) {
          String key = node.fieldNames().next();
          JsonNode argument = node.get(key);
          switch (key) {
            case "Ref":
              return ref(argument, scope, pointer);
            case "Fn::GetAtt":
              return getAtt(argument, scope, pointer);
            case "Fn::Sub":
              return sub(argument, scope, pointer);
            default:
              if (key.startsWith("Fn::")) {
                problems.add(scope.at(pointer) + ": intrinsic function " + key
                    + " is not supported by the validator");
                return unresolved(scope, pointer);
              }
          }
        }
        ObjectNode copy = NODES.objectNode();
        for (Map.Entry<String, JsonNode> field : fields(node)) {
          JsonNode value = resolve(field.getValue(), scope, pointer + "/" + escape(field.getKey()));
          if (value != null) {
            copy.set(field.getKey(), value);
          }
        }
        return copy;
      }
      if (node.isArray()) {
        ArrayNode copy = NODES.arrayNode();
        for (JsonNode item : node) {
          JsonNode value = resolve(item, scope, pointer + "/" + copy.size());
          if (value != null) {
            copy.add(value);
          }
        }
        return copy;
      }
      return node.deepCopy();
    }

    private JsonNode unresolved(Scope scope, String pointer) {
      scope.unresolved.add(pointer);
      return TextNode.valueOf("unresolved");
    }

    private JsonNode ref(JsonNode argument, Scope scope, String pointer) {
      if (!argument.isTextual()) {
        problems.add(scope.at(pointer) + ": Ref needs a name, not " + argument);
        return unresolved(scope, pointer);
      }
      JsonNode value = refValue(argument.asText(), scope, pointer);
      if (value == null) {
        return unresolved(scope, pointer);
      }
      return value.isMissingNode() ? null : value.deepCopy();
    }

    /** The value of {@code Ref name}: MissingNode for AWS::NoValue, null when unresolvable. */
    private JsonNode refValue(String name, Scope scope, String pointer) {
      if (name.startsWith("AWS::")) {
        JsonNode pseudo = pseudoParameter(name);
        if (pseudo == null) {
          problems.add(scope.at(pointer) + ": Ref to unknown pseudo parameter '" + name + "'");
        }
        return pseudo;
      }
      if (parameters.containsKey(name)) {
        return parameters.get(name); // null if it has no value: reported with the parameter
      }
      if (resources.containsKey(name)) {
        dependOn(scope, name);
        return TextNode.valueOf(physicalId(name));
      }
      problems.add(scope.at(pointer) + ": Ref to '" + name
          + "', which is neither a parameter nor a resource of the template");
      return null;
    }

    private static JsonNode pseudoParameter(String name) {
      switch (name) {
        case "AWS::Region":
          return TextNode.valueOf(REGION);
        case "AWS::AccountId":
          return TextNode.valueOf(ACCOUNT_ID);
        case "AWS::Partition":
          return TextNode.valueOf(PARTITION);
        case "AWS::StackName":
          return TextNode.valueOf(STACK_NAME);
        case "AWS::StackId":
          return TextNode.valueOf(STACK_ID);
        case "AWS::URLSuffix":
          return TextNode.valueOf(URL_SUFFIX);
        case "AWS::NotificationARNs":
          return NODES.arrayNode();
        case "AWS::NoValue":
          return MissingNode.getInstance();
        default:
          return null;
      }
    }

    private JsonNode getAtt(JsonNode argument, Scope scope, String pointer) {
      String target = null;
      String attribute = null;
      if (argument.isTextual() && argument.asText().indexOf('.') > 0) {
        target = argument.asText().substring(0, argument.asText().indexOf('.'));
        attribute = argument.asText().substring(argument.asText().indexOf('.') + 1);
      } else if (argument.isArray() && argument.size() == 2
          && argument.get(0).isTextual() && argument.get(1).isTextual()) {
        target = argument.get(0).asText();
        attribute = argument.get(1).asText();
      }
      if (target == null) {
        problems.add(scope.at(pointer) + ": Fn::GetAtt needs [LogicalId, Attribute], not "
            + argument);
        return unresolved(scope, pointer);
      }
      String value = attributeValue(target, attribute, scope, pointer);
      return value == null ? unresolved(scope, pointer) : TextNode.valueOf(value);
    }

    private String attributeValue(String target, String attribute, Scope scope, String pointer) {
      String call = "Fn::GetAtt " + target + "." + attribute;
      if (!resources.containsKey(target)) {
        problems.add(scope.at(pointer) + ": " + call + ": '" + target
            + (parameters.containsKey(target) ? "' is a parameter, not a resource"
                : "' is not a resource of the template"));
        return null;
      }
      dependOn(scope, target);
      String type = types.get(target);
      String name = physicalId(target);
      String region = REGION;
      String account = ACCOUNT_ID;
      switch (type + "." + attribute) {
        case "AWS::Lambda::Function.Arn":
          return arn("lambda", region, account, "function:" + name);
        case "AWS::Lambda::Function.SnapStartResponse.ApplyOn":
          return "None";
        case "AWS::Lambda::Function.SnapStartResponse.OptimizationStatus":
          return "Off";
        case "AWS::IAM::Role.Arn":
          return arn("iam", "", account, "role" + rolePath(target) + name);
        case "AWS::IAM::Role.RoleId":
          return ROLE_ID;
        case "AWS::IAM::Policy.Id":
          return name;
        case "AWS::Logs::LogGroup.Arn":
          return arn("logs", region, account, "log-group:" + name + ":*");
        case "AWS::SQS::Queue.Arn":
          return arn("sqs", region, account, queueName(target));
        case "AWS::SQS::Queue.QueueName":
          return queueName(target);
        case "AWS::SQS::Queue.QueueUrl":
          return name;
        case "AWS::Kinesis::Stream.Arn":
          return arn("kinesis", region, account, "stream/" + name);
        case "AWS::Kinesis::StreamConsumer.ConsumerARN":
          return name;
        case "AWS::Kinesis::StreamConsumer.ConsumerName":
          return ownName(target, "ConsumerName", 128);
        case "AWS::Kinesis::StreamConsumer.StreamARN":
          return ownProperty(target, "StreamARN");
        case "AWS::Kinesis::StreamConsumer.ConsumerStatus":
          return "ACTIVE";
        case "AWS::Kinesis::StreamConsumer.ConsumerCreationTimestamp":
          return CONSUMER_CREATED;
        case "AWS::DynamoDB::Table.Arn":
          return arn("dynamodb", region, account, "table/" + name);
        case "AWS::DynamoDB::Table.StreamArn":
          if (!resources.get(target).path("Properties").has("StreamSpecification")) {
            problems.add(scope.at(pointer) + ": " + call + ": the table has no"
                + " StreamSpecification, so it has no stream");
            return null;
          }
          return arn("dynamodb", region, account, "table/" + name + "/stream/" + STREAM_LABEL);
        case "AWS::Lambda::Version.Version":
          return PUBLISHED_VERSION;
        case "AWS::Lambda::Version.FunctionArn":
          return functionArnOf(target);
        case "AWS::Lambda::Alias.AliasArn":
          return physicalId(target);
        case "AWS::Lambda::EventSourceMapping.Id":
          return EVENT_SOURCE_MAPPING_ID;
        case "AWS::Lambda::EventSourceMapping.EventSourceMappingArn":
          return arn("lambda", region, account, "event-source-mapping:" + EVENT_SOURCE_MAPPING_ID);
        default:
          problems.add(scope.at(pointer) + ": " + call + ": " + type
              + " has no attribute '" + attribute + "' the validator knows");
          return null;
      }
    }

    private static String arn(String service, String region, String account, String resource) {
      return "arn:" + PARTITION + ":" + service + ":" + region + ":" + account + ":" + resource;
    }

    private JsonNode sub(JsonNode argument, Scope scope, String pointer) {
      String text;
      Map<String, JsonNode> variables = new HashMap<>();
      if (argument.isTextual()) {
        text = argument.asText();
      } else if (argument.isArray() && argument.size() == 2
          && argument.get(0).isTextual() && argument.get(1).isObject()) {
        text = argument.get(0).asText();
        for (Map.Entry<String, JsonNode> variable : fields(argument.get(1))) {
          variables.put(variable.getKey(), resolve(variable.getValue(), scope,
              pointer + "/Fn::Sub/1/" + escape(variable.getKey())));
        }
      } else {
        problems.add(scope.at(pointer) + ": Fn::Sub needs a string or [string, variables], not "
            + argument);
        return unresolved(scope, pointer);
      }
      StringBuilder out = new StringBuilder();
      boolean resolved = true;
      int from = 0;
      while (true) {
        int start = text.indexOf("${", from);
        int end = start < 0 ? -1 : text.indexOf('}', start);
        if (end < 0) {
          out.append(text, from, text.length());
          break;
        }
        out.append(text, from, start);
        String name = text.substring(start + 2, end);
        from = end + 1;
        if (name.startsWith("!")) {
          out.append("${").append(name.substring(1)).append('}');
          continue;
        }
        JsonNode value;
        if (variables.containsKey(name)) {
          value = variables.get(name);
        } else if (!name.startsWith("AWS::") && name.indexOf('.') > 0) {
          int dot = name.indexOf('.');
          String attribute = attributeValue(name.substring(0, dot), name.substring(dot + 1),
              scope, pointer);
          value = attribute == null ? null : TextNode.valueOf(attribute);
        } else {
          value = refValue(name, scope, pointer);
        }
        if (value == null) {
          resolved = false;
        } else if (!value.isValueNode()) {
          problems.add(scope.at(pointer) + ": Fn::Sub variable ${" + name
              + "} does not resolve to a string");
          resolved = false;
        } else {
          out.append(value.asText());
        }
      }
      return resolved ? TextNode.valueOf(out.toString()) : unresolved(scope, pointer);
    }

    private void dependOn(Scope scope, String target) {
      if (scope.owner != null) {
        dependencies.get(scope.owner).add(target);
      }
    }

    // -------------------------------------------------------------------------------------------
    // Physical ids

    private String physicalId(String id) {
      String known = physicalIds.get(id);
      if (known != null) {
        return known;
      }
      if (!naming.add(id)) {
        return id + "-physical-id"; // the name depends on itself: reported as a cycle
      }
      String name;
      try {
        switch (types.get(id)) {
          case "AWS::Lambda::Function":
            name = ownName(id, "FunctionName", 64);
            break;
          case "AWS::IAM::Role":
            name = ownName(id, "RoleName", 64);
            break;
          case "AWS::IAM::Policy":
            name = generatedName(id, 128);
            break;
          case "AWS::Logs::LogGroup":
            name = ownName(id, "LogGroupName", 512);
            break;
          case "AWS::DynamoDB::Table":
            name = ownName(id, "TableName", 255);
            break;
          case "AWS::Kinesis::Stream":
            name = ownName(id, "Name", 128);
            break;
          case "AWS::Kinesis::StreamConsumer":
            // Its Ref is its ARN: the stream's ARN, the consumer's name and its creation time.
            name = ownProperty(id, "StreamARN") + "/consumer/" + ownName(id, "ConsumerName", 128)
                + ":" + CONSUMER_CREATED_SECONDS;
            break;
          case "AWS::SQS::Queue":
            name = "https://sqs." + REGION + "." + URL_SUFFIX + "/" + ACCOUNT_ID + "/"
                + queueName(id);
            break;
          case "AWS::Lambda::EventSourceMapping":
            name = EVENT_SOURCE_MAPPING_ID;
            break;
          case "AWS::Lambda::Version":
            // Its Ref is the function's ARN with the version it published.
            name = functionArnOf(id) + ":" + PUBLISHED_VERSION;
            break;
          case "AWS::Lambda::Alias":
            // Its Ref is the function's ARN with the alias's name.
            name = functionArnOf(id) + ":" + ownProperty(id, "Name");
            break;
          default:
            name = id + "-physical-id";
        }
      } finally {
        naming.remove(id);
      }
      physicalIds.put(id, name);
      return name;
    }

    private String queueName(String id) {
      JsonNode fifo = resources.get(id).path("Properties").path("FifoQueue");
      boolean isFifo = fifo.asBoolean(false) || fifo.asText().equalsIgnoreCase("true");
      return isFifo && !resources.get(id).path("Properties").has("QueueName")
          ? generatedName(id, 75) + ".fifo"
          : ownName(id, "QueueName", 80);
    }

    private String rolePath(String id) {
      String path = ownProperty(id, "Path");
      return path == null ? "/" : path;
    }

    /** The resource's own name property resolved, or the name CloudFormation would generate. */
    private String ownName(String id, String property, int maxLength) {
      String name = ownProperty(id, property);
      return name == null ? generatedName(id, maxLength) : name;
    }

    /** The ARN of the function a version or alias names in its {@code FunctionName}. */
    private String functionArnOf(String id) {
      String function = ownProperty(id, "FunctionName");
      return function == null || function.startsWith("arn:") ? function
          : arn("lambda", REGION, ACCOUNT_ID, "function:" + function);
    }

    private String ownProperty(String id, String property) {
      JsonNode declared = resources.get(id).path("Properties").get(property);
      if (declared == null) {
        return null;
      }
      Scope scope = new Scope(id, label(id), "Properties");
      JsonNode value = resolve(declared, scope, "/" + escape(property));
      return value == null || !scope.unresolved.isEmpty() || !value.isValueNode()
          ? null : value.asText();
    }

    private static String generatedName(String id, int maxLength) {
      String prefix = STACK_NAME + "-";
      String suffix = "-" + NAME_SUFFIX;
      int room = maxLength - prefix.length() - suffix.length();
      return prefix + (id.length() > room ? id.substring(0, room) : id) + suffix;
    }

    // -------------------------------------------------------------------------------------------
    // Cycles

    /** Reports each strongly connected group of resources (Tarjan), with one cycle through it. */
    private void checkCycles() {
      Map<String, Integer> index = new HashMap<>();
      Map<String, Integer> low = new HashMap<>();
      Deque<String> stack = new ArrayDeque<>();
      Set<String> onStack = new HashSet<>();
      int[] counter = {0};
      for (String id : dependencies.keySet()) {
        if (!index.containsKey(id)) {
          strongConnect(id, index, low, stack, onStack, counter);
        }
      }
    }

    private void strongConnect(String id, Map<String, Integer> index, Map<String, Integer> low,
        Deque<String> stack, Set<String> onStack, int[] counter) {
      index.put(id, counter[0]);
      low.put(id, counter[0]);
      counter[0]++;
      stack.push(id);
      onStack.add(id);
      for (String next : dependencies.get(id)) {
        if (!index.containsKey(next)) {
          strongConnect(next, index, low, stack, onStack, counter);
          low.put(id, Math.min(low.get(id), low.get(next)));
        } else if (onStack.contains(next)) {
          low.put(id, Math.min(low.get(id), index.get(next)));
        }
      }
      if (low.get(id).equals(index.get(id))) {
        Set<String> component = new TreeSet<>();
        String member;
        do {
          member = stack.pop();
          onStack.remove(member);
          component.add(member);
        } while (!member.equals(id));
        if (component.size() > 1 || dependencies.get(id).contains(id)) {
          problems.add("circular dependency between resources: " + cycleThrough(component));
        }
      }
    }

    /** A shortest cycle through the first member of a strongly connected component. */
    private String cycleThrough(Set<String> component) {
      String start = component.iterator().next();
      Map<String, String> previous = new HashMap<>();
      Deque<String> queue = new ArrayDeque<>();
      queue.add(start);
      String last = null;
      while (!queue.isEmpty() && last == null) {
        String current = queue.remove();
        for (String next : dependencies.get(current)) {
          if (next.equals(start)) {
            last = current;
            break;
          }
          if (component.contains(next) && !previous.containsKey(next)) {
            previous.put(next, current);
            queue.add(next);
          }
        }
      }
      List<String> path = new ArrayList<>();
      path.add(start);
      for (String at = last; at != null && !at.equals(start); at = previous.get(at)) {
        path.add(1, at);
      }
      path.add(start);
      List<String> shown = new ArrayList<>();
      for (String id : path) {
        shown.add(label(id));
      }
      return String.join(" -> ", shown);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Schema validation with CloudFormation's scalar conversion

  /**
   * Validates, converting scalars where the schema wants another scalar type and the value
   * converts cleanly (as CloudFormation does), then validating again until nothing converts.
   */
  private static List<ValidationMessage> validateConverting(JsonSchema schema, ObjectNode data) {
    Set<ValidationMessage> messages = schema.validate(data);
    for (int round = 0; round < MAX_CONVERSION_ROUNDS && convertAll(data, messages); round++) {
      messages = schema.validate(data);
    }
    List<ValidationMessage> sorted = new ArrayList<>(messages);
    sorted.sort(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
        .thenComparing(ValidationMessage::getMessage));
    return sorted;
  }

  /** Says when a message comes from one alternative of anyOf/oneOf, not a plain requirement. */
  private static String alternative(ValidationMessage message) {
    JsonNodePath path = message.getEvaluationPath();
    for (int i = path.getNameCount() - 2; i >= 0; i--) {
      String keyword = path.getName(i);
      String index = String.valueOf(path.getElement(i + 1));
      if ((keyword.equals("anyOf") || keyword.equals("oneOf")) && index.matches("[0-9]+")) {
        return " (alternative " + index + " of " + keyword + "; "
            + (keyword.equals("anyOf") ? "at least" : "exactly") + " one must hold)";
      }
    }
    return "";
  }

  /**
   * The message without its leading instance location. ({@code ValidationMessage.getError()} cuts
   * at the first colon, which a location or message may itself contain.)
   */
  private static String errorText(ValidationMessage message) {
    String text = message.getMessage();
    String prefix = message.getInstanceLocation() + ": ";
    return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
  }

  /** Converts every value a type error complains about, if it converts; true if any did. */
  private static boolean convertAll(ObjectNode data, Set<ValidationMessage> messages) {
    boolean converted = false;
    for (ValidationMessage message : messages) {
      JsonNode wanted = message.getSchemaNode();
      if ("type".equals(message.getType()) && wanted != null && wanted.isTextual()) {
        JsonNode value = convert(message.getInstanceNode(), wanted.asText());
        if (value != null) {
          converted |= replace(data, message.getInstanceLocation(), value);
        }
      }
    }
    return converted;
  }

  private static JsonNode convert(JsonNode value, String type) {
    if (value == null) {
      return null;
    }
    String text = value.asText();
    switch (type) {
      case "integer":
        return value.isTextual() && INTEGER.matcher(text).matches()
            ? NODES.numberNode(new BigInteger(text)) : null;
      case "number":
        return value.isTextual() && NUMBER.matcher(text).matches()
            ? NODES.numberNode(new BigDecimal(text)) : null;
      case "boolean":
        return value.isTextual()
                && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))
            ? NODES.booleanNode(Boolean.parseBoolean(text)) : null;
      case "string":
        return value.isNumber() || value.isBoolean() ? TextNode.valueOf(text) : null;
      default:
        return null;
    }
  }

  private static boolean replace(JsonNode root, JsonNodePath location, JsonNode value) {
    int count = location.getNameCount();
    if (count == 0) {
      return false;
    }
    JsonNode parent = root;
    for (int i = 0; i < count - 1; i++) {
      Object element = location.getElement(i);
      parent = element instanceof Integer ? parent.get((Integer) element)
          : parent.get(element.toString());
      if (parent == null) {
        return false;
      }
    }
    Object last = location.getElement(count - 1);
    if (parent instanceof ObjectNode && !(last instanceof Integer)) {
      ((ObjectNode) parent).set(last.toString(), value);
      return true;
    }
    if (parent instanceof ArrayNode && last instanceof Integer) {
      ((ArrayNode) parent).set((Integer) last, value);
      return true;
    }
    return false;
  }

  /** cfn-lint's {@code uniqueKeys}: no two array items may agree on all of the listed keys. */
  private static final class UniqueKeysKeyword extends AbstractKeyword {
    UniqueKeysKeyword() {
      super("uniqueKeys");
    }

    @Override
    public JsonValidator newValidator(SchemaLocation schemaLocation, JsonNodePath evaluationPath,
        JsonNode schemaNode, JsonSchema parentSchema, ValidationContext validationContext) {
      List<String> keys = new ArrayList<>();
      schemaNode.forEach(key -> keys.add(key.asText()));
      return new UniqueKeysValidator(schemaLocation, evaluationPath, keys);
    }
  }

  private static final class UniqueKeysValidator implements JsonValidator {
    private final SchemaLocation schemaLocation;
    private final JsonNodePath evaluationPath;
    private final List<String> keys;

    UniqueKeysValidator(SchemaLocation schemaLocation, JsonNodePath evaluationPath,
        List<String> keys) {
      this.schemaLocation = schemaLocation;
      this.evaluationPath = evaluationPath;
      this.keys = keys;
    }

    @Override
    public Set<ValidationMessage> validate(ExecutionContext executionContext, JsonNode node,
        JsonNode rootNode, JsonNodePath instanceLocation) {
      if (!node.isArray()) {
        return Set.of();
      }
      Set<ValidationMessage> messages = new LinkedHashSet<>();
      Map<List<JsonNode>, Integer> seen = new HashMap<>();
      for (int i = 0; i < node.size(); i++) {
        List<JsonNode> key = new ArrayList<>();
        for (String name : keys) {
          key.add(node.get(i).get(name));
        }
        if (key.contains(null)) {
          continue;
        }
        Integer first = seen.putIfAbsent(key, i);
        if (first != null) {
          JsonNodePath location = instanceLocation.append(i);
          String text = location + ": items " + first + " and " + i + " have the same " + keys
              + ", " + key;
          messages.add(ValidationMessage.builder()
              .type("uniqueKeys")
              .code("uniqueKeys")
              .instanceLocation(location)
              .evaluationPath(evaluationPath)
              .schemaLocation(schemaLocation)
              .instanceNode(node.get(i))
              .messageSupplier(() -> text)
              .build());
        }
      }
      return messages;
    }

    @Override
    public SchemaLocation getSchemaLocation() {
      return schemaLocation;
    }

    @Override
    public JsonNodePath getEvaluationPath() {
      return evaluationPath;
    }

    @Override
    public String getKeyword() {
      return "uniqueKeys";
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  private static JsonNode packagedCode(String location) {
    ObjectNode code = NODES.objectNode();
    if (location.startsWith("s3://") && location.indexOf('/', 5) > 5) {
      int slash = location.indexOf('/', 5);
      code.put("S3Bucket", location.substring(5, slash));
      code.put("S3Key", location.substring(slash + 1));
    } else {
      code.put("S3Bucket", ARTIFACT_BUCKET);
      code.put("S3Key", ARTIFACT_KEY);
    }
    return code;
  }

  private static List<Map.Entry<String, JsonNode>> fields(JsonNode node) {
    return new ArrayList<>(node.properties());
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  /** Builds a tree from YAML, turning CloudFormation's short-form tags into long form. */
  private static JsonNode readYamlNode(YAMLParser parser) throws IOException {
    String tag = parser.getTypeId();
    JsonNode node;
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT: {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          if (object.has(name)) {
            throw new IllegalArgumentException("duplicate key '" + name + "' at "
                + parser.currentLocation());
          }
          object.set(name, readYamlNode(parser));
        }
        node = object;
        break;
      }
      case START_ARRAY: {
        ArrayNode array = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(readYamlNode(parser));
        }
        node = array;
        break;
      }
      case VALUE_STRING:
        node = TextNode.valueOf(parser.getText());
        break;
      case VALUE_NUMBER_INT:
        node = NODES.numberNode(parser.getBigIntegerValue());
        if (node.canConvertToInt()) {
          node = NODES.numberNode(node.intValue());
        } else if (node.canConvertToLong()) {
          node = NODES.numberNode(node.longValue());
        }
        break;
      case VALUE_NUMBER_FLOAT:
        node = NODES.numberNode(parser.getDoubleValue());
        break;
      case VALUE_TRUE:
      case VALUE_FALSE:
        node = NODES.booleanNode(parser.getBooleanValue());
        break;
      case VALUE_NULL:
        node = NODES.nullNode();
        break;
      default:
        throw new IllegalArgumentException("unexpected YAML token " + token);
    }
    if (tag == null || tag.startsWith("tag:yaml.org,2002:")) {
      return node;
    }
    String function = tag.startsWith("!") ? tag.substring(1) : tag;
    ObjectNode call = NODES.objectNode();
    if (function.equals("Ref") || function.equals("Condition")) {
      call.set(function, node);
    } else if (function.equals("GetAtt") && node.isTextual() && node.asText().indexOf('.') > 0) {
      String text = node.asText();
      int dot = text.indexOf('.');
      call.set("Fn::GetAtt", NODES.arrayNode().add(text.substring(0, dot))
          .add(text.substring(dot + 1)));
    } else {
      call.set("Fn::" + function, node);
    }
    return call;
  }
}
