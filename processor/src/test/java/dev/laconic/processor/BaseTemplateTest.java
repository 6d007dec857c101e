package dev.laconic.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.laconic.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import dev.laconic.processor.cfn.CfnSchemaValidator;
import dev.laconic.processor.cfn.ResourceDependencies;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's own template merged with the generated resources: the user's part unchanged in
 * meaning (short intrinsic forms read as their long forms), parameters it declares reused, and
 * logical ids that clash reported on the handler.
 */
class BaseTemplateTest {

  static final String BASE = """
      AWSTemplateFormatVersion: "2010-09-09"
      Description: The orders service
      Parameters:
        OrdersStream:
          Type: String
          Description: Declared by the user
        Stage:
          Type: String
          Default: prod
      Conditions:
        IsProd: !Equals [!Ref Stage, prod]
      Resources:
        OrdersTable:
          Type: AWS::DynamoDB::Table
          Properties:
            BillingMode: PAY_PER_REQUEST
            AttributeDefinitions:
              - AttributeName: pk
                AttributeType: S
            KeySchema:
              - AttributeName: pk
                KeyType: HASH
            StreamSpecification:
              StreamViewType: NEW_AND_OLD_IMAGES
            TableName: !Sub "orders-${Stage}"
      Outputs:
        TableArn:
          Value: !GetAtt OrdersTable.Arn
          Condition: IsProd
      """;

  static final String HANDLER = "public class Handler {\n" + DiagnosticsTest.TRIGGER
      + "\npublic void handle(DynamodbEvent event) {}\n}\n";

  @TempDir Path dir;

  Compilation compile(String base, String handler) throws IOException {
    Path file = dir.resolve("template.yaml");
    Files.writeString(file, base, StandardCharsets.UTF_8);
    return Compilations.laconic(Compilations.CODE, "-Alaconic.baseTemplate=" + file)
        .compile(source("Handler", handler));
  }

  @Test
  void theUsersTemplateComesFirstUnchangedAndTheGeneratedResourcesFollow() throws IOException {
    Compilation compilation = compile(BASE, HANDLER);
    assertThat(compilation).succeededWithoutWarnings();
    JsonNode template = CfnSchemaValidator.readTemplate(
        Compilations.resource(compilation, "laconic/template.yaml"));
    assertEquals(template, new ObjectMapper().readTree(
        Compilations.resource(compilation, "laconic/template.json")));

    assertEquals("The orders service", template.path("Description").asText());
    assertEquals(List.of("OrdersStream", "Stage"), names(template.path("Parameters")));
    assertEquals("Declared by the user",
        template.path("Parameters").path("OrdersStream").path("Description").asText(),
        "a parameter the user declares is reused, not redeclared");
    assertEquals(json("{\"Fn::Equals\": [{\"Ref\": \"Stage\"}, \"prod\"]}"),
        template.path("Conditions").path("IsProd"));
    List<String> resources = names(template.path("Resources"));
    assertEquals("OrdersTable", resources.get(0));
    assertTrue(resources.contains("HandlerHandleFunction"), resources.toString());
    assertEquals(json("{\"Fn::Sub\": \"orders-${Stage}\"}"), template.path("Resources")
        .path("OrdersTable").path("Properties").path("TableName"));
    assertEquals(json("{\"Fn::GetAtt\": [\"OrdersTable\", \"Arn\"]}"),
        template.path("Outputs").path("TableArn").path("Value"));
    assertEquals("IsProd", template.path("Outputs").path("TableArn").path("Condition").asText());
    assertTrue(template.path("Outputs").has("HandlerHandleFunctionArn"));

    assertEquals(List.of(), CfnSchemaValidator.validate(template, Map.of(
        "OrdersStream", GeneratedOutputTest.PARAMETERS.get("OrdersStreamArn"), "Stage", "prod")));
  }

  @Test
  void functionSettingsReferToTheUsersNetworkLayerAndKeyByName() throws IOException {
    String base = BASE.replaceAll("(?s)Outputs:\n.*", "") + """
          Vpc:
            Type: AWS::EC2::VPC
            Properties:
              CidrBlock: 10.0.0.0/16
          PrivateA:
            Type: AWS::EC2::Subnet
            Properties:
              VpcId: !Ref Vpc
              CidrBlock: 10.0.1.0/24
          FunctionGroup:
            Type: AWS::EC2::SecurityGroup
            Properties:
              GroupDescription: the function's interfaces
              VpcId: !Ref Vpc
          Tools:
            Type: AWS::Lambda::LayerVersion
            Properties:
              Content:
                S3Bucket: layers
                S3Key: tools.zip
          AppKey:
            Type: AWS::KMS::Key
            Properties:
              KeyPolicy:
                Version: "2012-10-17"
                Statement: []
        """;
    Compilation compilation = compile(base, "public class Handler {\n"
        + "@LambdaFunction(environment = \"STAGE=prod\", subnetIds = {\"@PrivateA\","
        + " \"subnet-0123abcd\"},\n securityGroupIds = \"@FunctionGroup\", layers = \"@Tools\","
        + " kmsKey = \"@AppKey\")\n"
        + "@DynamoStreamTrigger(streamArn = \"@OrdersTable\")\n"
        + "public void handle(DynamodbEvent event) {}\n}\n");
    assertThat(compilation).succeededWithoutWarnings();
    JsonNode template = CfnSchemaValidator.readTemplate(
        Compilations.resource(compilation, "laconic/template.yaml"));
    JsonNode function = template.path("Resources").path("HandlerHandleFunction");
    assertEquals("HandlerHandlePolicy", function.path("DependsOn").asText(),
        "Lambda checks the interface permissions when it creates the function");
    JsonNode properties = function.path("Properties");
    assertEquals(json("{\"SubnetIds\": [{\"Ref\": \"PrivateA\"}, \"subnet-0123abcd\"],"
        + " \"SecurityGroupIds\": [{\"Fn::GetAtt\": [\"FunctionGroup\", \"GroupId\"]}]}"),
        properties.path("VpcConfig"));
    assertEquals(json("[{\"Ref\": \"Tools\"}]"), properties.path("Layers"));
    assertEquals(json("{\"Fn::GetAtt\": [\"AppKey\", \"Arn\"]}"), properties.path("KmsKeyArn"));
    String statements = template.path("Resources").path("HandlerHandlePolicy")
        .path("Properties").path("PolicyDocument").path("Statement").toString();
    assertTrue(statements.contains("{\"Fn::Sub\":\"arn:${AWS::Partition}:ec2:${AWS::Region}:"
        + "${AWS::AccountId}:subnet/${PrivateA}\"}"), statements);
    assertTrue(statements.contains("{\"Fn::Sub\":\"arn:${AWS::Partition}:ec2:${AWS::Region}:"
        + "${AWS::AccountId}:security-group/${FunctionGroup.GroupId}\"}"), statements);
    assertTrue(statements.contains("\"Action\":[\"kms:Decrypt\"],\"Resource\":[{"
        + "\"Fn::GetAtt\":[\"AppKey\",\"Arn\"]}]"), statements);
    // No schema check here: the test resources hold no schemas of EC2, KMS or layer versions.
    // GeneratedOutputTest checks the same properties, of literal ids and parameters, against
    // the function's schema.
  }

  @Test
  void functionSettingsNamingResourcesOfAnotherTypeAreErrors() throws IOException {
    String base = BASE.replaceAll("(?s)Outputs:\n.*", "")
        + "  Tools:\n    Type: AWS::S3::Bucket\n";
    Compilation compilation = compile(base, "public class Handler {\n"
        + "@LambdaFunction(layers = \"@Tools\", kmsKey = \"@OrdersTable\","
        + " environment = \"A1=b\",\n subnetIds = \"@Nowhere\", securityGroupIds = \"@Tools\")\n"
        + "@DynamoStreamTrigger(streamArn = \"@OrdersTable\")\n"
        + "public void handle(DynamodbEvent event) {}\n}\n");
    assertThat(compilation).hadErrorContaining("[LACONIC-508] layers = \"@Tools\" is a"
        + " AWS::S3::Bucket. It must be an AWS::Lambda::LayerVersion.");
    assertThat(compilation).hadErrorContaining("[LACONIC-508] kmsKey = \"@OrdersTable\" is a"
        + " AWS::DynamoDB::Table. It must be an AWS::KMS::Key.");
    assertThat(compilation).hadErrorContaining("[LACONIC-507] subnetIds = \"@Nowhere\", but the"
        + " base template has no resource Nowhere.");
    assertThat(compilation).hadErrorContaining("[LACONIC-508] securityGroupIds = \"@Tools\"");
    assertThat(compilation).hadErrorCount(4);
  }

  @Test
  void annotationsReferToTheUsersResourcesByName() throws IOException {
    String base = BASE.replace("Outputs:\n", "Outputs: {}\n").replaceAll("(?s)Outputs: \\{\\}\n.*", "")
        + "  Failures:\n    Type: AWS::SQS::Queue\n";
    Compilation compilation = compile(base, "public class Handler {\n"
        + "@IamPolicy(actions = \"dynamodb:GetItem\", resources = \"@OrdersTable\")\n"
        + "@DynamoStreamTrigger(streamArn = \"@OrdersTable\", onFailure = \"@Failures\")\n"
        + "public void handle(DynamodbEvent event) {}\n}\n");
    assertThat(compilation).succeededWithoutWarnings();
    JsonNode template = CfnSchemaValidator.readTemplate(
        Compilations.resource(compilation, "laconic/template.yaml"));
    JsonNode mapping = template.path("Resources").path("HandlerHandleStreamMapping")
        .path("Properties");
    assertEquals(json("{\"Fn::GetAtt\": [\"OrdersTable\", \"StreamArn\"]}"),
        mapping.path("EventSourceArn"));
    assertEquals(json("{\"Fn::GetAtt\": [\"Failures\", \"Arn\"]}"),
        mapping.path("DestinationConfig").path("OnFailure").path("Destination"));
    String statements = template.path("Resources").path("HandlerHandlePolicy")
        .path("Properties").path("PolicyDocument").path("Statement").toString();
    assertTrue(statements.contains("\"Resource\":[{\"Fn::GetAtt\":[\"OrdersTable\","
        + "\"StreamArn\"]}]"), statements);
    assertTrue(statements.contains("\"Action\":[\"sqs:SendMessage\"],\"Resource\":[{"
        + "\"Fn::GetAtt\":[\"Failures\",\"Arn\"]}]"), statements);
    assertTrue(!statements.contains("sns:Publish") && !statements.contains("s3:PutObject"),
        "a queue gets the queue's permission only: " + statements);
    assertTrue(statements.contains("\"Action\":[\"dynamodb:GetItem\"],\"Resource\":[{"
        + "\"Fn::GetAtt\":[\"OrdersTable\",\"Arn\"]}]"), statements);
    assertEquals(List.of("OrdersStream", "Stage"), names(template.path("Parameters")),
        "no parameter for a resource of the base template");
  }

  @Test
  void anchorsMergeKeysAndYamlTagsKeepTheirMeaning() throws IOException {
    String base = "Parameters:\n"
        + "  Stage:\n    Type: String\n"
        + "Conditions:\n  HandlerHandleFunction: !Equals [!Ref Stage, prod]\n"
        + "Resources:\n"
        + "  First:\n    Type: AWS::SQS::Queue\n    Properties: &props\n"
        + "      VisibilityTimeout: !!int \"60\"\n      QueueName: !!str 123\n"
        + "  Second:\n    Type: AWS::SQS::Queue\n    Properties:\n      <<: *props\n"
        + "      VisibilityTimeout: 30\n"
        + "Outputs:\n";
    Compilation compilation = compile(base, HANDLER);
    assertThat(compilation).succeededWithoutWarnings();
    JsonNode resources = CfnSchemaValidator.readTemplate(
        Compilations.resource(compilation, "laconic/template.yaml")).path("Resources");
    assertEquals(json("{\"VisibilityTimeout\": 60, \"QueueName\": \"123\"}"),
        resources.path("First").path("Properties"));
    assertEquals(json("{\"VisibilityTimeout\": 30, \"QueueName\": \"123\"}"),
        resources.path("Second").path("Properties"), "merge key: own keys win");
    assertTrue(resources.has("HandlerHandleFunction"),
        "a condition does not share the resources' namespace");
  }

  @Test
  void tagsAndShapesThatWouldChangeMeaningAreRefused() throws IOException {
    for (String bad : List.of("Resources:\n  Q:\n    Type: !SUb AWS::SQS::Queue\n",
        "Resources: {}\n---\nResources: {}\n",
        "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n  Q:\n    Type: AWS::SNS::Topic\n",
        "Resources: {}\nOutputs: [1]\n")) {
      Compilation compilation = compile(bad, HANDLER);
      assertThat(compilation).hadErrorContaining("[LACONIC-008]");
    }
  }

  @Test
  void aGeneratedLogicalIdTheUserAlreadyHasIsAnErrorOnTheHandler() throws IOException {
    Compilation compilation = compile(BASE.replace("  OrdersTable:\n",
        "  HandlerHandleFunction:\n").replace("OrdersTable.Arn", "HandlerHandleFunction.Arn"),
        HANDLER);
    assertThat(compilation).hadErrorContaining("[LACONIC-506] Handler.handle generates the"
        + " logical id HandlerHandleFunction, which the base template"
        + " (Resources.HandlerHandleFunction) already uses.")
        .inFile(compilation.sourceFiles().get(0)).onLineContaining("public void handle");
  }

  @Test
  void aTemplateThatCannotBeReadIsAnError() throws IOException {
    for (String bad : List.of("Resources: [", "- a list", "Description: no resources")) {
      Compilation compilation = compile(bad, HANDLER);
      assertThat(compilation).hadErrorContaining("[LACONIC-008] Option -Alaconic.baseTemplate:"
          + " cannot read " + dir.resolve("template.yaml") + " as a CloudFormation template");
    }
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static JsonNode json(String text) throws IOException {
    return new ObjectMapper().readTree(text);
  }

  /**
   * A resource of the user's that refers to the function (here a topic subscribing it) may be
   * named by the function's @IamPolicy: the function does not wait for its policy, only its
   * mappings do, so CloudFormation finds an order, and the template satisfies the schemas.
   */
  @Test
  void aResourceThePolicyNamesMayReferToTheFunction() throws IOException {
    String base = """
        Resources:
          Notify:
            Type: AWS::SNS::Topic
            Properties:
              Subscription:
                - Protocol: lambda
                  Endpoint: !GetAtt HandlerHandleFunction.Arn
        """;
    Compilation compilation = compile(base, "public class Handler {\n"
        + "@IamPolicy(actions = \"sns:Publish\", resources = \"@Notify\")\n"
        + DiagnosticsTest.TRIGGER + "\npublic void handle(DynamodbEvent event) {}\n}\n");
    assertThat(compilation).succeededWithoutWarnings();
    JsonNode template = new ObjectMapper().readTree(
        Compilations.resource(compilation, "laconic/template.json"));
    assertEquals(List.of(), ResourceDependencies.of(template).cycle());
    assertEquals("HandlerHandlePolicy",
        template.at("/Resources/HandlerHandleStreamMapping/DependsOn").asText());
    assertTrue(template.at("/Resources/HandlerHandleFunction/DependsOn").isMissingNode(),
        "the function itself does not wait for its policy");
    assertEquals(List.of(), CfnSchemaValidator.validate(template,
        Map.of("OrdersStream", GeneratedOutputTest.PARAMETERS.get("OrdersStreamArn"))));
  }
}
