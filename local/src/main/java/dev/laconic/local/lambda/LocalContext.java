package dev.laconic.local.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import dev.laconic.local.app.LoggingConfig;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The Lambda {@code Context} of one local invocation: a fresh request id, the function's name,
 * memory and time left, and a logger that writes and filters records as the Lambda runtime does
 * for the function's {@code LoggingConfig}, each line prefixed with the function's logical id.
 *
 * <p>The time left counts down from the function's timeout; the timeout is not enforced.
 */
public final class LocalContext implements Context {

  private final String functionName;
  private final String functionArn;
  private final int memoryLimitInMb;
  private final long deadlineNanos;
  private final String requestId = UUID.randomUUID().toString();
  private final LocalLogger logger;

  /**
   * A context for one invocation.
   *
   * @param logicalId the prefix of each logged line, such as {@code [OrderEventsEchoFunction]}
   * @param functionName what {@link #getFunctionName()} returns
   * @param logging the function's {@code LoggingConfig}: the format and level of its records
   * @param output where logged lines go, without their trailing newline
   */
  public LocalContext(String logicalId, String functionName, String functionArn,
      int memoryLimitInMb, int timeoutSeconds, LoggingConfig logging, Consumer<String> output) {
    this.functionName = functionName;
    this.functionArn = functionArn;
    this.memoryLimitInMb = memoryLimitInMb;
    this.deadlineNanos = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
    this.logger = new LocalLogger(logicalId, logging, requestId, output);
  }

  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/" + functionName;
  }

  @Override
  public String getLogStreamName() {
    return "local/" + requestId;
  }

  @Override
  public String getFunctionName() {
    return functionName;
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return functionArn;
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    return (int) Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000);
  }

  @Override
  public int getMemoryLimitInMB() {
    return memoryLimitInMb;
  }

  @Override
  public LambdaLogger getLogger() {
    return logger;
  }

  /**
   * Logs a fault of the function (its trace, a handler that cannot be loaded) as the runtime logs
   * the faults it reports: at ERROR in the JSON format, so an {@code ApplicationLogLevel} of FATAL
   * drops it as the runtime's does; without a level in Text.
   */
  public void logFault(String message) {
    logger.fault(message);
  }
}
