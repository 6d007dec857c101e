package com.example.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.laconic.processor.cfn.CfnSchemaValidator;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The template this build wrote ({@code target/classes/laconic/}): one {@code package} and
 * {@code deploy} of it creates the whole pipeline (the table, its Kinesis stream, the on-failure
 * queue and the five functions with their mappings), and every resource satisfies the
 * CloudFormation resource schemas (the processor tests' validator and schema copies).
 */
class SampleTemplateTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode template;
  static JsonNode resources;

  @BeforeAll
  static void readTheTemplateOfThisBuild() throws IOException, URISyntaxException {
    template = CfnSchemaValidator.readTemplate(Files.readString(laconic("template.json")));
    resources = template.get("Resources");
  }

  @Test
  void everyResourceSatisfiesItsCloudFormationSchema() {
    assertEquals(List.of(), CfnSchemaValidator.validate(template,
        Map.of("LaconicCodeSha256", CfnSchemaValidator.CODE_SHA256)));
  }

  @Test
  void theYamlHoldsTheSameTemplate() throws IOException, URISyntaxException {
    assertEquals(template,
        CfnSchemaValidator.readTemplate(Files.readString(laconic("template.yaml"))));
  }

  @Test
  void oneStackHoldsTheWholePipeline() {
    assertEquals(List.of(
        "OrdersTable AWS::DynamoDB::Table",
        "OrderChanges AWS::Kinesis::Stream",
        "OrderStreamFailures AWS::SQS::Queue"), ownResources(), "the app's own, first");
    assertEquals(List.of(
        "OrderAuditAuditStreamMapping <- OrdersTable.StreamArn",
        "OrderEventsEchoStreamMapping <- OrdersTable.StreamArn",
        "OrderFailuresReportQueueMapping <- OrderStreamFailures.Arn",
        "OrderShippingShipStreamMapping <- OrdersTable.StreamArn",
        "OrderTrackingTrackKinesisMapping <- OrderChanges.Arn"), mappings());
    assertEquals(getAtt("OrderChanges", "Arn"),
        resources.at("/OrdersTable/Properties/KinesisStreamSpecification/StreamArn"),
        "the table writes its changes to the stream");
  }

  @Test
  void theStreamMappingsGiveUpToTheQueueAfterBoundedRetries() {
    for (String mapping : List.of("OrderAuditAuditStreamMapping",
        "OrderTrackingTrackKinesisMapping")) {
      JsonNode properties = resources.get(mapping).get("Properties");
      assertEquals(getAtt("OrderStreamFailures", "Arn"),
          properties.at("/DestinationConfig/OnFailure/Destination"), mapping);
      assertTrue(properties.get("MaximumRetryAttempts").asInt() >= 0, mapping);
      assertEquals("[\"ReportBatchItemFailures\"]",
          properties.get("FunctionResponseTypes").toString(), mapping);
    }
  }

  @Test
  void theQueueHidesAMessageLongerThanItsReaderRuns() {
    int visibility = resources.at("/OrderStreamFailures/Properties/VisibilityTimeout").asInt();
    int timeout = resources.at("/OrderFailuresReportFunction/Properties/Timeout").asInt();
    assertTrue(visibility >= timeout, visibility + " < " + timeout);
    assertEquals(1_209_600,
        resources.at("/OrderStreamFailures/Properties/MessageRetentionPeriod").asInt());
  }

  @Test
  void eachFunctionMayReadItsSourceAndSendOnlyToItsDestination() {
    assertEquals(List.of(
        "WriteOwnLogs logs:CreateLogStream,logs:PutLogEvents",
        "ReadKinesisStreams kinesis:DescribeStream,kinesis:DescribeStreamSummary,"
            + "kinesis:GetRecords,kinesis:GetShardIterator,kinesis:ListShards on OrderChanges",
        "ListKinesisStreams kinesis:ListStreams on *",
        "SendFailuresToQueue sqs:SendMessage on OrderStreamFailures"),
        statements("OrderTrackingTrackPolicy"));
    assertEquals(List.of(
        "WriteOwnLogs logs:CreateLogStream,logs:PutLogEvents",
        "ReadSqsQueues sqs:ReceiveMessage,sqs:DeleteMessage,sqs:GetQueueAttributes"
            + " on OrderStreamFailures"),
        statements("OrderFailuresReportPolicy"));
    assertTrue(statements("OrderAuditAuditPolicy")
        .contains("SendFailuresToQueue sqs:SendMessage on OrderStreamFailures"),
        statements("OrderAuditAuditPolicy").toString());
  }

  // ---- helpers ------------------------------------------------------------------------------

  /** A file Laconic wrote beside the sample's classes. */
  private static Path laconic(String name) throws URISyntaxException {
    return Path.of(OrderEvents.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .resolve("laconic").resolve(name);
  }

  /** The resources of the app's base template: those that are not a function's. */
  private static List<String> ownResources() {
    List<String> own = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> resource = it.next();
      String type = resource.getValue().get("Type").asText();
      if (!type.startsWith("AWS::Lambda::") && !type.startsWith("AWS::IAM::")
          && !type.equals("AWS::Logs::LogGroup")) {
        own.add(resource.getKey() + " " + type);
      }
    }
    return own;
  }

  /** Each mapping with the resource and attribute its source is. */
  private static List<String> mappings() {
    List<String> mappings = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> resource = it.next();
      if (resource.getValue().get("Type").asText().equals("AWS::Lambda::EventSourceMapping")) {
        JsonNode source = resource.getValue().at("/Properties/EventSourceArn/Fn::GetAtt");
        mappings.add(resource.getKey() + " <- " + source.get(0).asText() + "."
            + source.get(1).asText());
      }
    }
    return mappings;
  }

  /** A policy's statements as "Sid actions on resources", the template's own resources by id. */
  private static List<String> statements(String policy) {
    List<String> statements = new ArrayList<>();
    for (JsonNode statement : resources.at("/" + policy + "/Properties/PolicyDocument/Statement")) {
      List<String> actions = new ArrayList<>();
      statement.get("Action").forEach(action -> actions.add(action.asText()));
      List<String> targets = new ArrayList<>();
      for (JsonNode target : statement.get("Resource")) {
        targets.add(target.isTextual() ? target.asText()
            : target.at("/Fn::GetAtt/0").asText());
      }
      statements.add(statement.get("Sid").asText() + " " + String.join(",", actions)
          + (statement.get("Sid").asText().equals("WriteOwnLogs") ? ""
              : " on " + String.join(",", targets)));
    }
    return statements;
  }

  private static JsonNode getAtt(String logicalId, String attribute) {
    return JSON.createObjectNode().set("Fn::GetAtt",
        JSON.createArrayNode().add(logicalId).add(attribute));
  }
}
