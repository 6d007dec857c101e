package dev.laconic.annotations;

/**
 * The least severe level of the function's own log records that Lambda keeps (CloudFormation
 * {@code LoggingConfig.ApplicationLogLevel}); it applies to the {@link LogFormat#JSON JSON}
 * format only. Records logged without a level ({@code LambdaLogger.log(String)}) are always kept.
 */
public enum ApplicationLogLevel {
  /** Nothing written: Lambda keeps INFO and above. The default. */
  LAMBDA_DEFAULT,
  TRACE,
  DEBUG,
  INFO,
  WARN,
  ERROR,
  FATAL;

  /** The identifier CloudFormation uses, or empty for {@link #LAMBDA_DEFAULT}. */
  public String identifier() {
    return this == LAMBDA_DEFAULT ? "" : name();
  }
}
