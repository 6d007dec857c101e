package dev.laconic.local.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * A SAM function's properties over {@code Globals.Function}, by the rules of SAM's translator
 * (its {@code globals.py}): maps merged deeply, lists concatenated global first, an intrinsic
 * function or any other value replaced by the function's own.
 */
class SamGlobalsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void mapsMergeKeyByKeyListsConcatenateAndOtherValuesAreReplaced() throws Exception {
    JsonNode template = json("""
        {"Globals": {"Function": {
          "Timeout": 60, "MemorySize": 1024,
          "Environment": {"Variables": {"STAGE": "prod", "TABLE": "orders"}},
          "Layers": ["arn:aws:lambda:eu-west-1:123456789012:layer:otel:4"],
          "VpcConfig": {"SubnetIds": {"Ref": "Subnets"}, "SecurityGroupIds": ["sg-0123abcd"]},
          "LoggingConfig": {"LogFormat": "JSON", "ApplicationLogLevel": "ERROR"}}}}""");
    JsonNode merged = SamGlobals.functionProperties(template, function("""
        {"Timeout": 30,
         "Environment": {"Variables": {"TABLE": "orders-eu"}},
         "Layers": [{"Ref": "ToolsLayer"}],
         "VpcConfig": {"SubnetIds": ["subnet-0123abcd"]},
         "LoggingConfig": {"ApplicationLogLevel": "DEBUG"}}"""));
    assertEquals(json("""
        {"Timeout": 30, "MemorySize": 1024,
         "Environment": {"Variables": {"STAGE": "prod", "TABLE": "orders-eu"}},
         "Layers": ["arn:aws:lambda:eu-west-1:123456789012:layer:otel:4", {"Ref": "ToolsLayer"}],
         "VpcConfig": {"SubnetIds": ["subnet-0123abcd"], "SecurityGroupIds": ["sg-0123abcd"]},
         "LoggingConfig": {"LogFormat": "JSON", "ApplicationLogLevel": "DEBUG"}}"""), merged);
  }

  @Test
  void anIntrinsicIsAValueNotAMapToMergeInto() throws Exception {
    JsonNode template = json("""
        {"Globals": {"Function": {"Environment": {"Variables": {"A": "1"}},
          "KmsKeyArn": {"Fn::GetAtt": ["Key", "Arn"]}}}}""");
    JsonNode merged = SamGlobals.functionProperties(template, function("""
        {"Environment": {"Fn::If": ["Prod", {"Variables": {"B": "2"}}, {"Ref": "AWS::NoValue"}]},
         "KmsKeyArn": {"Ref": "KeyArn"}}"""));
    assertEquals(json("""
        {"Environment": {"Fn::If": ["Prod", {"Variables": {"B": "2"}}, {"Ref": "AWS::NoValue"}]},
         "KmsKeyArn": {"Ref": "KeyArn"}}"""), merged);
  }

  @Test
  void aTemplateWithoutGlobalsLeavesTheFunctionAsItIs() throws Exception {
    JsonNode properties = json("{\"Timeout\": 30}");
    assertEquals(properties, SamGlobals.functionProperties(json("{\"Resources\": {}}"),
        JSON.createObjectNode().set("Properties", properties)));
  }

  /** A SAM function resource of {@code properties}. */
  private static JsonNode function(String properties) throws Exception {
    return JSON.createObjectNode().set("Properties", json(properties));
  }

  @Test
  void ignoreGlobalsLeavesOutAllGlobalsOrTheNamedOnes() throws Exception {
    JsonNode template = json("""
        {"Globals": {"Function": {"Timeout": 60, "MemorySize": 1024,
           "LoggingConfig": {"LogFormat": "JSON"}}}}""");
    assertEquals(json("{\"MemorySize\": 256}"), SamGlobals.functionProperties(template, json("""
        {"IgnoreGlobals": "*", "Properties": {"MemorySize": 256}}""")));
    assertEquals(json("{\"MemorySize\": 1024, \"Timeout\": 5}"),
        SamGlobals.functionProperties(template, json("""
            {"IgnoreGlobals": ["LoggingConfig", "Timeout"], "Properties": {"Timeout": 5}}""")));

    Application application = Application.parse(json("""
        {"Globals": {"Function": {"Timeout": 60, "LoggingConfig": {"LogFormat": "JSON"}}},
         "Resources": {"F": {"Type": "AWS::Serverless::Function", "IgnoreGlobals": "*",
           "Properties": {"Handler": "a.B::handleRequest"}}}}"""));
    assertEquals(3, application.find("F").timeoutSeconds());
    assertEquals(LoggingConfig.TEXT, application.find("F").logging());
  }

  @Test
  void theLocalModelReadsTimeoutMemoryAndEnvironmentThroughTheGlobals() throws Exception {
    Application application = Application.parse(json("""
        {"Globals": {"Function": {"Timeout": 60, "MemorySize": 1024,
           "Environment": {"Variables": {"STAGE": "prod"}}}},
         "Resources": {"F": {"Type": "AWS::Serverless::Function",
           "Properties": {"Handler": "a.B::handleRequest", "MemorySize": 2048}}}}"""));
    FunctionDefinition function = application.find("F");
    assertEquals(60, function.timeoutSeconds());
    assertEquals(2048, function.memorySize());
    assertEquals(java.util.Map.of("STAGE", "prod"), function.environment());
  }

  @Test
  void aVariableSetToNoValueDropsTheGlobalOne() throws Exception {
    Application application = Application.parse(json("""
        {"Globals": {"Function": {"Environment": {"Variables": {"STAGE": "prod", "DEBUG": "1"}}}},
         "Resources": {"F": {"Type": "AWS::Serverless::Function",
           "Properties": {"Handler": "a.B::handleRequest",
             "Environment": {"Variables": {"DEBUG": {"Ref": "AWS::NoValue"},
               "TABLE": {"Ref": "Table"}}}}}}}"""));
    assertEquals(java.util.Map.of("STAGE", "prod", "TABLE", "{\"Ref\":\"Table\"}"),
        application.find("F").environment());
  }
}
