package dev.laconic.annotations;

/**
 * The least severe level of Lambda's own log records (the platform's start, report and runtime
 * records) that it keeps (CloudFormation {@code LoggingConfig.SystemLogLevel}); it applies to the
 * {@link LogFormat#JSON JSON} format only.
 */
public enum SystemLogLevel {
  /** Nothing written: Lambda keeps INFO and above. The default. */
  LAMBDA_DEFAULT,
  DEBUG,
  INFO,
  WARN;

  /** The identifier CloudFormation uses, or empty for {@link #LAMBDA_DEFAULT}. */
  public String identifier() {
    return this == LAMBDA_DEFAULT ? "" : name();
  }
}
