package dev.laconic.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.laconic.junit.app.Notes;
import dev.laconic.local.app.Application;
import dev.laconic.local.app.FunctionDefinition;
import java.util.List;
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
}
