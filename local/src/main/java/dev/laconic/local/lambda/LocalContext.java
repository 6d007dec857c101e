package dev.laconic.local.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The Lambda {@code Context} of one local invocation: a fresh request id, the function's name,
 * memory and time left, and a logger that prefixes each line with the function's logical id.
 *
 * <p>The time left counts down from the function's timeout; the timeout is not enforced.
 */
public final class LocalContext implements Context {

  private final String functionName;
  private final String functionArn;
  private final int memoryLimitInMb;
  private final long deadlineNanos;
  private final String requestId = UUID.randomUUID().toString();
  private final LambdaLogger logger;

  /**
   * A context for one invocation.
   *
   * @param logicalId the prefix of each logged line, such as {@code [OrderEventsEchoFunction]}
   * @param functionName what {@link #getFunctionName()} returns
   * @param output where logged lines go, without their trailing newline
   */
  public LocalContext(String logicalId, String functionName, String functionArn,
      int memoryLimitInMb, int timeoutSeconds, Consumer<String> output) {
    this.functionName = functionName;
    this.functionArn = functionArn;
    this.memoryLimitInMb = memoryLimitInMb;
    this.deadlineNanos = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
    this.logger = new LambdaLogger() {
      @Override
      public void log(String message) {
        String text = message.endsWith("\n") ? message.substring(0, message.length() - 1)
            : message;
        output.accept("[" + logicalId + "] " + text);
      }

      @Override
      public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8));
      }
    };
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
}
