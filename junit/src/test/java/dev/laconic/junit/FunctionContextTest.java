package dev.laconic.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.laconic.junit.app.Notes;
import dev.laconic.local.app.Application;
import dev.laconic.local.app.FunctionDefinition;
import dev.laconic.logging.StructuredLog;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The context of a unit test of one adapter. */
class FunctionContextTest {

  @Test
  void aFunctionsContextHasItsSettingsFromTheTemplateAndKeepsItsLines() {
    FunctionDefinition remind = Application.fromClassOf(Notes.class).find("Notes.remind");
    FunctionContext context = FunctionContext.of(Notes.class, "Notes.remind");

    assertEquals(remind.name(), context.getFunctionName());
    assertEquals(remind.memorySize(), context.getMemoryLimitInMB());
    assertTrue(context.getRemainingTimeInMillis() <= remind.timeoutSeconds() * 1000
        && context.getRemainingTimeInMillis() > 0, "" + context.getRemainingTimeInMillis());
    assertTrue(context.getInvokedFunctionArn().endsWith(":function:" + remind.name()));
    assertEquals("/aws/lambda/" + remind.name(), context.getLogGroupName());
    assertNotEquals(context.getAwsRequestId(), FunctionContext.of(Notes.class, "Notes.remind")
        .getAwsRequestId(), "a request id per invocation");

    context.getLogger().log("first\n");
    context.getLogger().log("second");
    assertEquals(List.of("first", "second"), context.logs(), "without the runner's prefix");
  }

  @Test
  void aContextWithoutTemplateHasLambdasDefaultsAndAnUnknownFunctionIsRefused() {
    FunctionContext context = FunctionContext.create();
    assertEquals("test-function", context.getFunctionName());
    assertEquals(128, context.getMemoryLimitInMB());
    assertThrows(IllegalArgumentException.class,
        () -> FunctionContext.of(Notes.class, "Notes.nothing"));
  }

  @Test
  void aJsonFunctionsLinesAreTheRuntimesRecordsFilteredByItsLevel() throws Exception {
    ObjectMapper json = new ObjectMapper();
    FunctionDefinition function = Application.parse(json.readTree("""
        {"Resources": {"Orders": {"Type": "AWS::Lambda::Function", "Properties": {
          "Handler": "shop.Orders::handleRequest",
          "LoggingConfig": {"LogFormat": "JSON", "ApplicationLogLevel": "WARN"}}}}}
        """)).find("Orders");
    FunctionContext context = FunctionContext.of(function);

    context.getLogger().log("no level");
    context.getLogger().log("dropped", LogLevel.INFO);
    context.getLogger().log("kept", LogLevel.ERROR);
    context.getLogger().log("raw".getBytes(StandardCharsets.UTF_8), LogLevel.WARN);
    StructuredLog log = StructuredLog.of(context);
    log.info("dropped too", Map.of("a", 1));
    log.warn("Request received", Map.of("RequestID", context.getAwsRequestId(), "n", 2));

    List<String> lines = context.logs();
    assertEquals("raw", lines.get(2), "bytes unformatted");
    List<String> records = new ArrayList<>();
    for (String line : List.of(lines.get(0), lines.get(1), lines.get(3))) {
      JsonNode record = json.readTree(line);
      List<String> keys = new ArrayList<>();
      record.fieldNames().forEachRemaining(keys::add);
      records.add(record.get("level").asText() + " " + record.get("message").asText() + " "
          + keys);
      assertEquals(context.getAwsRequestId(), record.get("AWSRequestId").asText(), line);
      assertTrue(record.get("timestamp").asText().matches(
          "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"), line);
    }
    assertEquals(List.of(
        "UNDEFINED no level [timestamp, message, level, AWSRequestId]",
        "ERROR kept [timestamp, message, level, AWSRequestId]",
        "WARN Request received [timestamp, message, level, AWSRequestId, RequestID, n]"),
        records);
    assertEquals(4, lines.size(), lines.toString());
  }
}
