package dev.laconic.processor.cfn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Shows that {@link CfnSchemaValidator} accepts a deployable template and rejects broken ones. */
class CfnSchemaValidatorTest {

  private static final String STREAM_ARN =
      "arn:aws:dynamodb:us-east-1:123456789012:table/Orders/stream/2024-01-01T00:00:00.000";
  private static final Map<String, String> PARAMETERS = Map.of("OrdersStreamArn", STREAM_ARN);

  /** The shape of template Laconic generates for one function with one stream trigger. */
  private static final String VALID =
      """
      AWSTemplateFormatVersion: "2010-09-09"
      Description: Echo function triggered by the Orders table's stream
      Parameters:
        OrdersStreamArn:
          Type: String
          Description: ARN of the DynamoDB stream that triggers Echo
          AllowedPattern: "arn:aws[a-zA-Z-]*:dynamodb:[a-z0-9-]+:[0-9]{12}:table/[^/]+/stream/.+"
          ConstraintDescription: must be a DynamoDB stream ARN
      Resources:
        EchoRole:
          Type: AWS::IAM::Role
          Properties:
            AssumeRolePolicyDocument:
              Version: "2012-10-17"
              Statement:
                - Effect: Allow
                  Principal:
                    Service: lambda.amazonaws.com
                  Action: sts:AssumeRole
        EchoPolicy:
          Type: AWS::IAM::Policy
          Properties:
            PolicyName: EchoPolicy
            Roles:
              - Ref: EchoRole
            PolicyDocument:
              Version: "2012-10-17"
              Statement:
                - Effect: Allow
                  Action: [logs:CreateLogStream, logs:PutLogEvents]
                  Resource:
                    Fn::GetAtt: [EchoLogGroup, Arn]
                - Effect: Allow
                  Action:
                    - dynamodb:DescribeStream
                    - dynamodb:GetRecords
                    - dynamodb:GetShardIterator
                    - dynamodb:ListStreams
                  Resource:
                    Ref: OrdersStreamArn
        EchoLogGroup:
          Type: AWS::Logs::LogGroup
          Properties:
            LogGroupName:
              Fn::Sub: /aws/lambda/${Echo}
            RetentionInDays: 14
        Echo:
          Type: AWS::Lambda::Function
          Properties:
            Code: ../../sample-app.jar
            Handler: dev.laconic.sample.EchoAdapter::handleRequest
            Runtime: java21
            MemorySize: 512
            Timeout: 30
            Role:
              Fn::GetAtt: [EchoRole, Arn]
            Architectures: [x86_64]
        EchoOrdersTrigger:
          Type: AWS::Lambda::EventSourceMapping
          DependsOn: EchoPolicy
          Properties:
            FunctionName:
              Ref: Echo
            EventSourceArn:
              Ref: OrdersStreamArn
            StartingPosition: TRIM_HORIZON
            BatchSize: 10
            FunctionResponseTypes: [ReportBatchItemFailures]
      Outputs:
        EchoArn:
          Value:
            Fn::GetAtt: [Echo, Arn]
      """;

  private static final String FUNCTION = "Echo (AWS::Lambda::Function)";
  private static final String TRIGGER = "EchoOrdersTrigger (AWS::Lambda::EventSourceMapping)";

  @Test
  void validTemplateHasNoProblems() {
    assertEquals(List.of(), CfnSchemaValidator.validate(valid(), PARAMETERS));
  }

  @Test
  void sameTemplateAsJsonHasNoProblems() {
    JsonNode json = CfnSchemaValidator.readTemplate(valid().toPrettyString());

    assertEquals(valid(), json);
    assertEquals(List.of(), CfnSchemaValidator.validate(json, PARAMETERS));
  }

  @Test
  void unknownPropertyIsAProblem() {
    JsonNode template = valid();
    properties(template, "EchoOrdersTrigger").put("BatchSze", 10);

    assertOneProblem(template, TRIGGER + " at Properties:", "'BatchSze' is not defined");
  }

  @Test
  void stringThatIsNotANumberIsAProblem() {
    JsonNode template = valid();
    properties(template, "EchoOrdersTrigger").put("BatchSize", "ten");

    assertOneProblem(
        template, TRIGGER + " at Properties/BatchSize:", "string found, integer expected");
  }

  /** CloudFormation converts "10" to 10 for an integer property, so the validator does too. */
  @Test
  void numericStringsAreConvertedAsCloudFormationDoes() {
    JsonNode template = valid();
    properties(template, "EchoOrdersTrigger").put("BatchSize", "10");
    properties(template, "Echo").put("MemorySize", "512");

    assertEquals(List.of(), CfnSchemaValidator.validate(template, PARAMETERS));
  }

  @Test
  void convertedNumericStringIsStillRangeChecked() {
    JsonNode template = valid();
    properties(template, "EchoOrdersTrigger").put("BatchSize", "20000");

    assertOneProblem(
        template, TRIGGER + " at Properties/BatchSize:", "must have a maximum value of 10000");
  }

  @ParameterizedTest
  @CsvSource({
    "Echo,              MemorySize,      64,    must have a minimum value of 128",
    "Echo,              Timeout,         901,   must have a maximum value of 900",
    "EchoLogGroup,      RetentionInDays, 13,    does not have a value in the enumeration",
    "EchoOrdersTrigger, BatchSize,       20000, must have a maximum value of 10000",
    "EchoOrdersTrigger, BatchSize,       0,     must have a minimum value of 1",
  })
  void valueOutOfRangeIsAProblem(String id, String property, int value, String message) {
    JsonNode template = valid();
    properties(template, id).put(property, value);

    String type = template.at("/Resources/" + id + "/Type").asText();
    assertOneProblem(template, id + " (" + type + ") at Properties/" + property + ":", message);
  }

  @Test
  void valueNotInEnumIsAProblem() {
    JsonNode template = valid();
    properties(template, "Echo").put("Runtime", "java99");

    assertOneProblem(template, FUNCTION + " at Properties/Runtime:", "enumeration");
  }

  @Test
  void missingRequiredPropertyIsAProblem() {
    JsonNode template = valid();
    properties(template, "Echo").remove("Role");

    assertOneProblem(template, FUNCTION + " at Properties:", "required property 'Role' not found");
  }

  /** The policy schema's anyOf asks for Users, Groups or Roles: each alternative is reported. */
  @Test
  void policyAttachedToNothingIsAProblem() {
    JsonNode template = valid();
    properties(template, "EchoPolicy").remove("Roles");

    List<String> problems = CfnSchemaValidator.validate(template, PARAMETERS);
    assertEquals(3, problems.size(), problems::toString);
    for (String property : List.of("Groups", "Roles", "Users")) {
      assertTrue(
          problems.contains("EchoPolicy (AWS::IAM::Policy) at Properties: required property '"
              + property + "' not found (alternative "
              + List.of("Users", "Groups", "Roles").indexOf(property)
              + " of anyOf; at least one must hold)"),
          problems::toString);
    }
  }

  @Test
  void readOnlyPropertyIsAProblem() {
    JsonNode template = valid();
    properties(template, "EchoRole").put("Arn", "arn:aws:iam::123456789012:role/Echo");

    assertOneProblem(
        template, "EchoRole (AWS::IAM::Role) at Properties/Arn:", "read-only property");
  }

  @Test
  void refToUndefinedNameIsAProblem() {
    JsonNode template = valid();
    properties(template, "EchoOrdersTrigger").set("FunctionName", ref("Ekko"));

    assertOneProblem(template, TRIGGER + " at Properties/FunctionName:", "Ref to 'Ekko'");
  }

  @Test
  void getAttOfUnknownAttributeIsAProblem() {
    JsonNode template = valid();
    properties(template, "Echo").set("Role", getAtt("EchoRole", "Name"));

    assertOneProblem(
        template, FUNCTION + " at Properties/Role:", "AWS::IAM::Role has no attribute 'Name'");
  }

  @Test
  void getAttOfUndefinedResourceIsAProblem() {
    JsonNode template = valid();
    properties(template, "Echo").set("Role", getAtt("EkkoRole", "Arn"));

    assertOneProblem(template, FUNCTION + " at Properties/Role:", "'EkkoRole' is not a resource");
  }

  @Test
  void subWithUndefinedVariableIsAProblem() {
    JsonNode template = valid();
    properties(template, "EchoLogGroup")
        .set("LogGroupName", object("Fn::Sub", TextNode.valueOf("/aws/lambda/${Ekko}")));

    assertOneProblem(
        template,
        "EchoLogGroup (AWS::Logs::LogGroup) at Properties/LogGroupName:",
        "Ref to 'Ekko'");
  }

  @Test
  void roleNameIsNoRoleArn() {
    JsonNode template = valid();
    properties(template, "Echo").set("Role", ref("EchoRole"));

    assertOneProblem(template, FUNCTION + " at Properties/Role:", "does not match the regex");
  }

  @Test
  void unsupportedIntrinsicFunctionIsAProblem() {
    JsonNode template = valid();
    ArrayNode join = JsonNodeFactory.instance.arrayNode().add("-");
    join.addArray().add("a").add("b");
    properties(template, "Echo").set("Handler", object("Fn::Join", join));

    assertOneProblem(template, FUNCTION + " at Properties/Handler:", "Fn::Join is not supported");
  }

  @Test
  void dependsOnMissingResourceIsAProblem() {
    JsonNode template = valid();
    resource(template, "EchoOrdersTrigger").put("DependsOn", "EchoPolicyy");

    assertOneProblem(template, TRIGGER + " at DependsOn:", "'EchoPolicyy'");
  }

  /** The function logs to the group whose name is made from the function's name. */
  @Test
  void circularDependencyThroughReferencesIsAProblem() {
    JsonNode template = valid();
    properties(template, "Echo").set("LoggingConfig", object("LogGroup", ref("EchoLogGroup")));

    assertOneProblem(
        template,
        "circular dependency between resources: " + FUNCTION
            + " -> EchoLogGroup (AWS::Logs::LogGroup) -> " + FUNCTION);
  }

  @Test
  void circularDependencyThroughDependsOnIsAProblem() {
    JsonNode template =
        CfnSchemaValidator.readTemplate(
            """
            Resources:
              First:
                Type: AWS::Logs::LogGroup
                DependsOn: Second
              Second:
                Type: AWS::Logs::LogGroup
                DependsOn: [Third]
              Third:
                Type: AWS::Logs::LogGroup
                DependsOn: First
            """);

    assertOneProblem(
        template,
        "circular dependency between resources: First (AWS::Logs::LogGroup)"
            + " -> Second (AWS::Logs::LogGroup) -> Third (AWS::Logs::LogGroup)"
            + " -> First (AWS::Logs::LogGroup)");
  }

  @Test
  void resourceTypeWithoutSchemaIsAProblem() {
    JsonNode template =
        CfnSchemaValidator.readTemplate(
            """
            Resources:
              Archive:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: archive
            """);

    assertOneProblem(template, "Archive (AWS::S3::Bucket):", "no schema for type AWS::S3::Bucket");
  }

  @Test
  void missingParameterValueIsAProblem() {
    List<String> problems = CfnSchemaValidator.validate(valid(), Map.of());

    assertEquals(
        List.of("parameter OrdersStreamArn: no value given and no Default"), problems);
  }

  @Test
  void parameterValueMustMatchAllowedPattern() {
    List<String> problems =
        CfnSchemaValidator.validate(valid(), Map.of("OrdersStreamArn", "Orders"));

    assertEquals(1, problems.size(), problems::toString);
    assertTrue(problems.get(0).startsWith("parameter OrdersStreamArn: value 'Orders' does not"
        + " match AllowedPattern"), problems::toString);
  }

  @Test
  void valueForUndeclaredParameterIsAProblem() {
    List<String> problems =
        CfnSchemaValidator.validate(
            valid(), Map.of("OrdersStreamArn", STREAM_ARN, "BatchSize", "10"));

    assertEquals(1, problems.size(), problems::toString);
    assertTrue(problems.get(0).startsWith("parameter BatchSize:"), problems::toString);
  }

  @Test
  void tableStreamArnNeedsAStream() {
    String table =
        """
        Resources:
          Orders:
            Type: AWS::DynamoDB::Table
            Properties:
              BillingMode: PAY_PER_REQUEST
              AttributeDefinitions:
                - {AttributeName: id, AttributeType: S}
              KeySchema:
                - {AttributeName: id, KeyType: HASH}
              %s
          Trigger:
            Type: AWS::Lambda::EventSourceMapping
            Properties:
              FunctionName: echo
              EventSourceArn:
                Fn::GetAtt: [Orders, StreamArn]
              StartingPosition: LATEST
        """;

    JsonNode withStream =
        CfnSchemaValidator.readTemplate(
            table.formatted("StreamSpecification: {StreamViewType: NEW_AND_OLD_IMAGES}"));
    JsonNode withoutStream = CfnSchemaValidator.readTemplate(table.formatted(""));

    assertEquals(List.of(), CfnSchemaValidator.validate(withStream, Map.of()));
    assertOneProblem(
        withoutStream,
        "Trigger (AWS::Lambda::EventSourceMapping) at Properties/EventSourceArn:",
        "no StreamSpecification");
  }

  @Test
  void kinesisStreamsAndConsumersResolveToTheirArns() {
    String template =
        """
        Resources:
          Changes:
            Type: AWS::Kinesis::Stream
            Properties:
              ShardCount: %s
          Orders:
            Type: AWS::DynamoDB::Table
            Properties:
              BillingMode: PAY_PER_REQUEST
              AttributeDefinitions:
                - {AttributeName: id, AttributeType: S}
              KeySchema:
                - {AttributeName: id, KeyType: HASH}
              KinesisStreamSpecification:
                StreamArn: !GetAtt Changes.Arn
                ApproximateCreationDateTimePrecision: MILLISECOND
          FanOut:
            Type: AWS::Kinesis::StreamConsumer
            Properties:
              ConsumerName: fan-out
              StreamARN: !GetAtt Changes.Arn
          Trigger:
            Type: AWS::Lambda::EventSourceMapping
            Properties:
              FunctionName: track
              EventSourceArn: !Ref FanOut
              StartingPosition: LATEST
        """;

    assertEquals(List.of(), CfnSchemaValidator.validate(
        CfnSchemaValidator.readTemplate(template.formatted("1")), Map.of()));
    assertOneProblem(
        CfnSchemaValidator.readTemplate(template.formatted("0")),
        "Changes (AWS::Kinesis::Stream) at Properties/ShardCount:",
        "minimum value of 1");
  }

  @Test
  void tableKeysAreCheckedWithCfnLintKeywords() {
    JsonNode template =
        CfnSchemaValidator.readTemplate(
            """
            Resources:
              Orders:
                Type: AWS::DynamoDB::Table
                Properties:
                  AttributeDefinitions:
                    - {AttributeName: id, AttributeType: S}
                    - {AttributeName: id, AttributeType: N}
                  KeySchema:
                    - {AttributeName: id, KeyType: HASH}
            """);

    assertOneProblem(
        template,
        "Orders (AWS::DynamoDB::Table) at Properties/AttributeDefinitions/1:",
        "have the same [AttributeName]");
  }

  @Test
  void readTemplateTurnsYamlShortFormsIntoLongForms() {
    JsonNode template =
        CfnSchemaValidator.readTemplate(
            """
            A: !Ref Name
            B: !GetAtt Role.Arn
            C: !GetAtt [Role, Arn]
            D: !Sub "/aws/lambda/${Echo}"
            E: !Join ["-", [a, b]]
            """);

    assertEquals(
        CfnSchemaValidator.readTemplate(
            """
            {"A": {"Ref": "Name"},
             "B": {"Fn::GetAtt": ["Role", "Arn"]},
             "C": {"Fn::GetAtt": ["Role", "Arn"]},
             "D": {"Fn::Sub": "/aws/lambda/${Echo}"},
             "E": {"Fn::Join": ["-", ["a", "b"]]}}
            """),
        template);
  }

  @Test
  void everyCopiedSchemaCompilesAndIsFoundByItsType() throws IOException, URISyntaxException {
    Path directory = Path.of(CfnSchemaValidatorTest.class.getResource("/cfn-schemas").toURI());
    List<Path> schemas;
    try (Stream<Path> files = Files.list(directory)) {
      schemas = files.filter(p -> p.toString().endsWith(".json")).sorted()
          .collect(Collectors.toList());
    }

    assertFalse(schemas.isEmpty());
    for (Path schema : schemas) {
      String type =
          CfnSchemaValidator.readTemplate(Files.readString(schema)).path("typeName").asText();
      assertEquals(schema.getFileName().toString(), CfnSchemaValidator.schemaFileName(type));
      assertTrue(CfnSchemaValidator.hasSchema(type), type);
    }
  }

  // ---------------------------------------------------------------------------------------------

  private static JsonNode valid() {
    return CfnSchemaValidator.readTemplate(VALID);
  }

  private static ObjectNode resource(JsonNode template, String id) {
    return (ObjectNode) template.path("Resources").path(id);
  }

  private static ObjectNode properties(JsonNode template, String id) {
    return (ObjectNode) resource(template, id).path("Properties");
  }

  private static ObjectNode ref(String name) {
    return object("Ref", TextNode.valueOf(name));
  }

  private static ObjectNode getAtt(String id, String attribute) {
    ObjectNode call = JsonNodeFactory.instance.objectNode();
    call.putArray("Fn::GetAtt").add(id).add(attribute);
    return call;
  }

  private static ObjectNode object(String key, JsonNode value) {
    ObjectNode object = JsonNodeFactory.instance.objectNode();
    object.set(key, value);
    return object;
  }

  /** Asserts exactly one problem, which contains every fragment (the first at its start). */
  private static void assertOneProblem(JsonNode template, String start, String... fragments) {
    List<String> problems = CfnSchemaValidator.validate(template, parametersFor(template));
    assertEquals(1, problems.size(), () -> "expected one problem, got " + problems);
    String problem = problems.get(0);
    assertTrue(problem.startsWith(start), () -> "expected <" + start + "...>, got " + problem);
    for (String fragment : fragments) {
      assertTrue(problem.contains(fragment), () -> "expected <" + fragment + "> in " + problem);
    }
  }

  /** The stream ARN parameter if the template declares it. */
  private static Map<String, String> parametersFor(JsonNode template) {
    return template.path("Parameters").has("OrdersStreamArn") ? PARAMETERS : Map.of();
  }
}
