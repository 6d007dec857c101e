package dev.laconic.benchmarks;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/**
 * A Lambda context that logs nothing, so the benchmarks measure event handling alone; or, for the
 * logging benchmark, logs to the logger given.
 */
final class QuietContext implements Context {

  private static final LambdaLogger SILENT = new LambdaLogger() {
    @Override
    public void log(String message) {}

    @Override
    public void log(byte[] message) {}
  };

  private final LambdaLogger logger;

  QuietContext() {
    this(SILENT);
  }

  QuietContext(LambdaLogger logger) {
    this.logger = logger;
  }

  @Override
  public String getAwsRequestId() {
    return "benchmark";
  }

  @Override
  public String getLogGroupName() {
    return "benchmark";
  }

  @Override
  public String getLogStreamName() {
    return "benchmark";
  }

  @Override
  public String getFunctionName() {
    return "benchmark";
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:eu-west-1:123456789012:function:benchmark";
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
    return 30_000;
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
