package dev.laconic.annotations;

/** The format of a function's logs (CloudFormation {@code LoggingConfig.LogFormat}). */
public enum LogFormat {
  /**
   * Plain text, each line as written. The default; with it Lambda filters no logs by level, so
   * neither log level may be set.
   */
  TEXT("Text"),
  /**
   * One JSON object per record, with its time, level, message and request id: the Java runtime
   * formats each {@code LambdaLogger} line so, and filters records by
   * {@link LambdaFunction#applicationLogLevel()} (INFO unless set) and Lambda's own records by
   * {@link LambdaFunction#systemLogLevel()} (INFO unless set).
   */
  JSON("JSON");

  private final String identifier;

  LogFormat(String identifier) {
    this.identifier = identifier;
  }

  /** The identifier CloudFormation uses. */
  public String identifier() {
    return identifier;
  }
}
