package dev.laconic.processor.adapters;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;

/**
 * The {@code Context} of one test invocation: fixed identifiers, no client context (so the
 * runtime picks its Jackson serializers, not the Android ones) and a logger that keeps what the
 * function logs.
 */
final class RecordingContext implements Context {

  private final StringBuilder log = new StringBuilder();
  private final LambdaLogger logger = new LambdaLogger() {
    @Override
    public void log(String message) {
      log.append(message);
    }

    @Override
    public void log(byte[] message) {
      log.append(new String(message, StandardCharsets.UTF_8));
    }
  };

  /** What the function logged. */
  String log() {
    return log.toString();
  }

  @Override
  public String getAwsRequestId() {
    return "c6af9ac6-7b61-11e6-9a41-93e8deadbeef";
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/relay";
  }

  @Override
  public String getLogStreamName() {
    return "2024/01/01/[$LATEST]0123456789abcdef0123456789abcdef";
  }

  @Override
  public String getFunctionName() {
    return "relay";
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:us-east-1:123456789012:function:relay";
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
    return 300_000;
  }

  @Override
  public int getMemoryLimitInMB() {
    return 512;
  }

  @Override
  public LambdaLogger getLogger() {
    return logger;
  }
}
