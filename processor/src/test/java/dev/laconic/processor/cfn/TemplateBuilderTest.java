package dev.laconic.processor.cfn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.laconic.annotations.Architecture;
import dev.laconic.annotations.JavaRuntime;
import dev.laconic.annotations.MappingMetric;
import dev.laconic.annotations.StartingPosition;
import dev.laconic.annotations.TieredCompilation;
import dev.laconic.annotations.Tracing;
import dev.laconic.processor.diag.Origin;
import dev.laconic.processor.model.ArnRef;
import dev.laconic.processor.model.FunctionModel;
import dev.laconic.processor.model.FunctionSettings;
import dev.laconic.processor.model.LoggingSettings;
import dev.laconic.processor.model.VpcSettings;
import dev.laconic.processor.model.HandlerShape;
import dev.laconic.processor.model.DynamoStreamTriggerModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The template writer on models built by hand: no compiler involved. */
class TemplateBuilderTest {

  static final String STREAM =
      "arn:aws:dynamodb:eu-west-1:123456789012:table/Orders/stream/2024-01-01T00:00:00.000";
  static final HandlerShape BATCH = new HandlerShape(HandlerShape.Input.BATCH, true, false, false);
  static final HandlerShape RECORD =
      new HandlerShape(HandlerShape.Input.RECORD, false, false, false);

  static FunctionModel function(String className, String method, HandlerShape shape,
      FunctionSettings settings, DynamoStreamTriggerModel... triggers) {
    return new FunctionModel("com.example", List.of(className), method, shape, settings,
        List.of(triggers), List.of(), Origin.NONE);
  }

  static JsonNode build(FunctionModel... functions) {
    return new TemplateBuilder("../../app.jar").build(List.of(functions));
  }

  @Test
  void defaultsAreLeftOutButStartingPositionAndBatchSize() {
    JsonNode template = build(function("Orders", "echo", BATCH,
        FunctionSettings.defaults(Origin.NONE), DynamoStreamTriggerModel.of(new ArnRef.Literal(STREAM), 100)));
    JsonNode mapping = template.at("/Resources/OrdersEchoStreamMapping/Properties");
    assertEquals(List.of("FunctionName", "EventSourceArn", "StartingPosition", "BatchSize"),
        fieldNames(mapping));
    assertEquals("TRIM_HORIZON", mapping.get("StartingPosition").asText());
    assertEquals(100, mapping.get("BatchSize").asInt());
    JsonNode lambda = template.at("/Resources/OrdersEchoFunction/Properties");
    assertEquals(List.of("Handler", "Runtime", "Code", "MemorySize", "Timeout", "Architectures",
        "Role", "LoggingConfig"), fieldNames(lambda));
    assertEquals("com.example.Laconic_Orders_echo::handleRequest", lambda.get("Handler").asText());
    assertTrue(template.path("Parameters").isMissingNode(), "no parameters without ${Name}");
  }

  @Test
  void perRecordFunctionsReportBatchItemFailures() {
    JsonNode template = build(function("Orders", "audit", RECORD,
        FunctionSettings.defaults(Origin.NONE), DynamoStreamTriggerModel.of(new ArnRef.Literal(STREAM), 10)));
    assertEquals("ReportBatchItemFailures", template
        .at("/Resources/OrdersAuditStreamMapping/Properties/FunctionResponseTypes/0").asText());
  }

  @Test
  void aParameterUsedByTwoFunctionsIsDeclaredOnceWithTheStreamPattern() {
    DynamoStreamTriggerModel trigger = DynamoStreamTriggerModel.of(new ArnRef.Parameter("OrdersStream"), 10);
    JsonNode template = build(
        function("B", "second", BATCH, FunctionSettings.defaults(Origin.NONE), trigger),
        function("A", "first", BATCH, FunctionSettings.defaults(Origin.NONE), trigger));
    JsonNode parameter = template.at("/Parameters/OrdersStream");
    assertEquals("String", parameter.get("Type").asText());
    assertTrue(parameter.get("Description").asText().contains("A.first, B.second"));
    assertTrue(java.util.regex.Pattern.matches(parameter.get("AllowedPattern").asText(), STREAM));
    assertEquals(List.of("AFirstRole", "AFirstPolicy", "AFirstLogGroup", "AFirstFunction",
        "AFirstStreamMapping", "BSecondRole", "BSecondPolicy", "BSecondLogGroup",
        "BSecondFunction", "BSecondStreamMapping"), fieldNames(template.get("Resources")));
  }

  @Test
  void aLiteralTopicGetsOnlyPublishOnThatTopic() {
    String topic = "arn:aws:sns:eu-west-1:123456789012:order-failures";
    DynamoStreamTriggerModel trigger = new DynamoStreamTriggerModel(new ArnRef.Literal(STREAM),
        StartingPosition.LATEST, 10, true, 0, 3, -1, false, 1, 0,
        Optional.of(new ArnRef.Literal(topic)), List.of(), List.of(MappingMetric.EVENT_COUNT),
        Origin.NONE);
    JsonNode template = build(function("Orders", "echo", BATCH,
        FunctionSettings.defaults(Origin.NONE), trigger));
    List<String> sids = new ArrayList<>();
    template.at("/Resources/OrdersEchoPolicy/Properties/PolicyDocument/Statement")
        .forEach(s -> sids.add(s.get("Sid").asText()));
    assertEquals(List.of("WriteOwnLogs", "ReadDynamoDbStreams", "ListDynamoDbStreams",
        "SendFailuresToTopic"), sids);
    assertEquals(topic, template.at(
        "/Resources/OrdersEchoPolicy/Properties/PolicyDocument/Statement/3/Resource/0").asText());
    assertEquals(topic, template.at(
        "/Resources/OrdersEchoStreamMapping/Properties/DestinationConfig/OnFailure/Destination")
        .asText());
  }

  @Test
  void tieredCompilationIsWrittenAsJavaToolOptionsAfterTheEntries() {
    FunctionSettings settings = new FunctionSettings("", 512, 30, JavaRuntime.JAVA11,
        Architecture.X86_64, List.of("STAGE=prod"), "", -1, 14, Tracing.PASS_THROUGH, false,
        TieredCompilation.C1_ONLY, LoggingSettings.DEFAULT, VpcSettings.NONE, List.of(), 512,
        Optional.empty(), Origin.NONE);
    JsonNode variables = build(function("Orders", "echo", BATCH, settings,
        DynamoStreamTriggerModel.of(new ArnRef.Literal(STREAM), 10)))
        .at("/Resources/OrdersEchoFunction/Properties/Environment/Variables");
    assertEquals(List.of("STAGE", "JAVA_TOOL_OPTIONS"), fieldNames(variables));
    assertEquals("-XX:+TieredCompilation -XX:TieredStopAtLevel=1",
        variables.get("JAVA_TOOL_OPTIONS").asText());
  }

  @Test
  void yamlQuotesEveryStringAYaml11ReaderWouldRetype() {
    FunctionSettings settings = new FunctionSettings("", 512, 30, JavaRuntime.JAVA21,
        Architecture.X86_64, List.of("DATE=2010-09-09", "FLAG=yes", "OFF=off", "NUM=0123",
            "FLOAT=1e3", "TIME=12:30", "TILDE=~", "NULLISH=null", "PLAIN=orders"),
        "", -1, 14, Tracing.PASS_THROUGH, false, TieredCompilation.RUNTIME_DEFAULT,
        LoggingSettings.DEFAULT, VpcSettings.NONE, List.of(), 512, Optional.empty(), Origin.NONE);
    String yaml = TemplateWriter.yaml(build(function("Orders", "echo", BATCH, settings,
        DynamoStreamTriggerModel.of(new ArnRef.Literal(STREAM), 10))));
    for (String quoted : List.of("DATE: \"2010-09-09\"", "FLAG: \"yes\"", "\"OFF\": \"off\"",
        "NUM: \"0123\"", "FLOAT: \"1e3\"", "TIME: \"12:30\"", "TILDE: \"~\"",
        "NULLISH: \"null\"", "PLAIN: orders", "AWSTemplateFormatVersion: \"2010-09-09\"")) {
      assertTrue(yaml.contains(quoted), () -> quoted + " in\n" + yaml);
    }
    assertFalse(yaml.contains("\r"));
    assertTrue(yaml.endsWith("\n"));
    // and the YAML reads back to the very same tree
    assertEquals(build(function("Orders", "echo", BATCH, settings,
        DynamoStreamTriggerModel.of(new ArnRef.Literal(STREAM), 10))), CfnSchemaValidator.readTemplate(yaml));
  }

  @Test
  void jsonHasUnixLineEndingsAndATrailingNewline() {
    String json = TemplateWriter.json(build(function("Orders", "echo", BATCH,
        FunctionSettings.defaults(Origin.NONE), DynamoStreamTriggerModel.of(new ArnRef.Literal(STREAM), 10))));
    assertFalse(json.contains("\r"));
    assertTrue(json.endsWith("}\n"));
  }

  @Test
  void logicalIdsNameEveryEntryTheTemplateGivesAFunctionWithoutBuildingIt() {
    FunctionModel function = function("Orders", "echo", BATCH,
        FunctionSettings.defaults(Origin.NONE),
        DynamoStreamTriggerModel.of(new ArnRef.Parameter("OrdersStream"), 10),
        new DynamoStreamTriggerModel(new ArnRef.Literal(STREAM), StartingPosition.LATEST, 10, true, 0,
            3, -1, false, 1, 0, Optional.of(new ArnRef.Parameter("Failures")), List.of(),
            List.of(), Origin.NONE));
    JsonNode template = build(function);
    var ids = TemplateBuilder.logicalIds(function, TemplateBuilder.Format.CLOUDFORMATION);
    for (String section : List.of("Parameters", "Resources", "Outputs")) {
      assertEquals(fieldNames(template.get(section)), ids.get(section), section);
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
