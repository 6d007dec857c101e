package com.example.orders;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogFormat;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.laconic.logging.FormattedLogger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * A Lambda {@link Context} for tests: a fixed request id and a logger that keeps every line it is
 * given, in order, so a test can assert what a handler logged.
 */
public final class TestContext implements Context {

  private final String requestId;
  private final CapturingLogger logger;

  /** A context with a random request id, as Lambda gives each invocation its own. */
  public TestContext() {
    this(UUID.randomUUID().toString());
  }

  public TestContext(String requestId) {
    this(requestId, LogFormat.TEXT);
  }

  private TestContext(String requestId, LogFormat format) {
    this.requestId = requestId;
    this.logger = new CapturingLogger(format);
  }

  /**
   * A context whose logger says its records are JSON, as Lambda's does for a function with
   * {@code logFormat = JSON}: {@code StructuredLog} then writes JSON records.
   */
  public static TestContext json(String requestId) {
    return new TestContext(requestId, LogFormat.JSON);
  }

  /** The lines logged so far, oldest first. */
  public List<String> logLines() {
    return logger.lines();
  }

  /**
   * The lines logged so far, oldest first, each without the frames of a stack trace it holds:
   * they name the caller, which differs between two ways of calling the same handler.
   */
  public List<String> logLinesWithoutFrames() {
    return logger.lines().stream().map(entry -> String.join("\n", entry.lines()
        .filter(line -> !line.startsWith("\tat ") && !line.matches("\t\\.\\.\\. \\d+ more"))
        .toList())).toList();
  }

  /** All lines logged so far, joined by newlines. */
  public String log() {
    return String.join("\n", logger.lines());
  }

  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/test-function";
  }

  @Override
  public String getLogStreamName() {
    return "2026/01/01/[$LATEST]00000000000000000000000000000000";
  }

  @Override
  public String getFunctionName() {
    return "test-function";
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:us-east-1:123456789012:function:test-function";
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

  /**
   * Keeps each logged message as one line, without the newline that ends a record; byte messages
   * are read as UTF-8.
   */
  private static final class CapturingLogger implements FormattedLogger {
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final LogFormat format;

    CapturingLogger(LogFormat format) {
      this.format = format;
    }

    @Override
    public LogFormat logFormat() {
      return format;
    }

    @Override
    public void log(String message) {
      lines.add(message);
    }

    @Override
    public void log(byte[] message) {
      String line = new String(message, StandardCharsets.UTF_8);
      lines.add(line.endsWith("\n") ? line.substring(0, line.length() - 1) : line);
    }

    @Override
    public void log(String message, LogLevel level) {
      log(message);
    }

    @Override
    public void log(byte[] message, LogLevel level) {
      log(message);
    }

    List<String> lines() {
      synchronized (lines) {
        return List.copyOf(lines);
      }
    }
  }
}
