package dev.laconic.junit;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import dev.laconic.local.app.Application;
import dev.laconic.local.app.FunctionDefinition;
import dev.laconic.local.app.LoggingConfig;
import dev.laconic.local.lambda.LocalContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The Lambda {@code Context} of one invocation in a unit test of one adapter: the function's
 * name, memory, timeout and {@code LoggingConfig} as the template gives them, a fresh request id,
 * and a logger whose lines the test reads back: JSON records, filtered by the function's
 * {@code ApplicationLogLevel}, when its log format is JSON.
 *
 * <pre>
 * FunctionContext context = FunctionContext.of(OrderShipping.class, "OrderShipping.ship");
 * new Laconic_OrderShipping_ship().handleRequest(in, out, context);
 * assertEquals(List.of("SHIP o-1 to Berlin, DE: ..."), context.logs());
 * </pre>
 */
public final class FunctionContext implements Context {

  private final List<String> logs = new ArrayList<>();
  private final LocalContext context;

  private FunctionContext(String logicalId, String name, int memorySize, int timeoutSeconds,
      LoggingConfig logging) {
    // The runtime's region and account of a local run; the prefix is taken off again below.
    String prefix = "[" + logicalId + "] ";
    this.context = new LocalContext(logicalId, name,
        "arn:aws:lambda:us-east-1:000000000000:function:" + name, memorySize, timeoutSeconds,
        logging, line -> {
          synchronized (logs) {
            logs.add(line.startsWith(prefix) ? line.substring(prefix.length()) : line);
          }
        });
  }

  /**
   * The context of the function {@code function} (logical id, {@code FunctionName}, handler or
   * {@code Class.method}) of the application of {@code applicationClass}.
   *
   * @throws IllegalArgumentException when the template has no such function
   * @throws IllegalStateException when no template is beside the class
   */
  public static FunctionContext of(Class<?> applicationClass, String function) {
    return of(Application.fromClassOf(applicationClass).find(function));
  }

  /**
   * The context of {@code function}, of any template: {@code Application.fromTemplate(path)
   * .find("OrdersFunction")} for a template of your own.
   */
  public static FunctionContext of(FunctionDefinition function) {
    return new FunctionContext(function.logicalId(), function.name(), function.memorySize(),
        function.timeoutSeconds(), function.logging());
  }

  /**
   * A context of a function named {@code test-function}, with Lambda's defaults (128 MB, 3 s,
   * Text logs).
   */
  public static FunctionContext create() {
    return new FunctionContext("test-function", "test-function", 128, 3, LoggingConfig.TEXT);
  }

  /** The lines logged through {@link #getLogger()} so far, oldest first. */
  public List<String> logs() {
    synchronized (logs) {
      return List.copyOf(logs);
    }
  }

  @Override
  public String getAwsRequestId() {
    return context.getAwsRequestId();
  }

  @Override
  public String getLogGroupName() {
    return context.getLogGroupName();
  }

  @Override
  public String getLogStreamName() {
    return context.getLogStreamName();
  }

  @Override
  public String getFunctionName() {
    return context.getFunctionName();
  }

  @Override
  public String getFunctionVersion() {
    return context.getFunctionVersion();
  }

  @Override
  public String getInvokedFunctionArn() {
    return context.getInvokedFunctionArn();
  }

  @Override
  public CognitoIdentity getIdentity() {
    return context.getIdentity();
  }

  @Override
  public ClientContext getClientContext() {
    return context.getClientContext();
  }

  @Override
  public int getRemainingTimeInMillis() {
    return context.getRemainingTimeInMillis();
  }

  @Override
  public int getMemoryLimitInMB() {
    return context.getMemoryLimitInMB();
  }

  @Override
  public LambdaLogger getLogger() {
    return context.getLogger();
  }
}
