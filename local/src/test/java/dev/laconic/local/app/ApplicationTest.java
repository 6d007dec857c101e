package dev.laconic.local.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The runner reads both forms of the template: a SnapStart function's mappings invoke its alias,
 * and the SAM variant's functions carry their mappings as events.
 */
class ApplicationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String FUNCTION_PROPERTIES = """
      "Handler": "shop.Laconic_Orders_echo::handleRequest", "Runtime": "java21",
      "MemorySize": 512, "Timeout": 30,
      "Environment": {"Variables": {"STAGE": "prod"}}""";

  private static final String STREAM = """
      "StartingPosition": "TRIM_HORIZON", "BatchSize": 25,
      "FilterCriteria": {"Filters": [{"Pattern": "{\\"eventName\\": [\\"INSERT\\"]}"}]},
      "FunctionResponseTypes": ["ReportBatchItemFailures"],
      "DestinationConfig": {"OnFailure": {"Destination": {"Fn::GetAtt": ["Failures", "Arn"]}}}""";

  private static final String QUEUE = """
      "BatchSize": 10, "FunctionResponseTypes": ["ReportBatchItemFailures"]""";

  private static JsonNode template(String resources) throws Exception {
    return JSON.readTree("{\"Resources\": {" + resources + "}}");
  }

  private static final String SOURCES = """
      "Orders": {"Type": "AWS::DynamoDB::Table", "Properties": {
        "StreamSpecification": {"StreamViewType": "NEW_IMAGE"}}},
      "Failures": {"Type": "AWS::SQS::Queue"},
      "Inbox": {"Type": "AWS::SQS::Queue"},
      """;

  @Test
  void theSamVariantHasTheSameFunctionsAndMappings() throws Exception {
    Application plain = Application.parse(template(SOURCES + """
        "OrdersEchoFunction": {"Type": "AWS::Lambda::Function", "Properties": {%s}},
        "OrdersEchoVersion": {"Type": "AWS::Lambda::Version", "Properties": {
          "FunctionName": {"Ref": "OrdersEchoFunction"}}},
        "OrdersEchoAlias": {"Type": "AWS::Lambda::Alias", "Properties": {
          "FunctionName": {"Ref": "OrdersEchoFunction"}, "Name": "live",
          "FunctionVersion": {"Fn::GetAtt": ["OrdersEchoVersion", "Version"]}}},
        "OrdersEchoStreamMapping": {"Type": "AWS::Lambda::EventSourceMapping", "Properties": {
          "FunctionName": {"Ref": "OrdersEchoAlias"},
          "EventSourceArn": {"Fn::GetAtt": ["Orders", "StreamArn"]}, %s}},
        "OrdersEchoQueueMapping": {"Type": "AWS::Lambda::EventSourceMapping", "Properties": {
          "FunctionName": {"Ref": "OrdersEchoAlias"},
          "EventSourceArn": {"Fn::GetAtt": ["Inbox", "Arn"]}, %s}}
        """.formatted(FUNCTION_PROPERTIES, STREAM, QUEUE)));
    Application sam = Application.parse(template(SOURCES + """
        "OrdersEchoFunction": {"Type": "AWS::Serverless::Function", "Properties": {%s,
          "AutoPublishAlias": "live", "Events": {
            "StreamMapping": {"Type": "DynamoDB", "Properties": {
              "Stream": {"Fn::GetAtt": ["Orders", "StreamArn"]}, %s}},
            "QueueMapping": {"Type": "SQS", "Properties": {
              "Queue": {"Fn::GetAtt": ["Inbox", "Arn"]}, %s}}}}}
        """.formatted(FUNCTION_PROPERTIES, STREAM, QUEUE)));

    FunctionDefinition expected = plain.generatedFunctions().get(0);
    FunctionDefinition actual = sam.generatedFunctions().get(0);
    assertEquals(2, expected.mappings().size(), "the alias's mappings are the function's");
    assertEquals(List.of("OrdersEchoFunctionStreamMapping", "OrdersEchoFunctionQueueMapping"),
        actual.mappings().stream().map(MappingDefinition::logicalId).toList(),
        "named as SAM names them");
    assertEquals(renamed(expected), renamed(actual));
  }

  @Test
  void aSamFunctionKeepsTheMappingsOfItsAliasThatTheTemplateDeclaresBeforeIt() throws Exception {
    Application sam = Application.parse(template(SOURCES + """
        "ExtraMapping": {"Type": "AWS::Lambda::EventSourceMapping", "Properties": {
          "FunctionName": {"Ref": "OrdersEchoFunction.Alias"},
          "EventSourceArn": {"Fn::GetAtt": ["Failures", "Arn"]}, %s}},
        "OrdersEchoFunction": {"Type": "AWS::Serverless::Function", "Properties": {%s,
          "AutoPublishAlias": "live", "Events": {
            "QueueMapping": {"Type": "SQS", "Properties": {
              "Queue": {"Fn::GetAtt": ["Inbox", "Arn"]}, %s}}}}}
        """.formatted(QUEUE, FUNCTION_PROPERTIES, QUEUE)));

    assertEquals(List.of("ExtraMapping", "OrdersEchoFunctionQueueMapping"),
        sam.generatedFunctions().get(0).mappings().stream().map(MappingDefinition::logicalId)
            .toList(), "the template's own mapping of the alias, then the function's events");
  }

  /** {@code function} with its mappings' logical ids left out: the two forms name them apart. */
  private static FunctionDefinition renamed(FunctionDefinition function) {
    return new FunctionDefinition(function.logicalId(), function.handler(),
        function.functionName(), function.timeoutSeconds(), function.memorySize(),
        function.environment(), function.generated(), function.mappings().stream()
            .map(m -> new MappingDefinition("", m.eventSourceArn(), m.startingPosition(),
                m.batchSize(), m.enabled(), m.maximumBatchingWindowInSeconds(),
                m.maximumRetryAttempts(), m.maximumRecordAgeInSeconds(),
                m.bisectBatchOnFunctionError(), m.filters(), m.reportBatchItemFailures(),
                m.onFailure()))
            .toList(), function.logging());
  }
}
