package dev.laconic.processor.model;

import dev.laconic.annotations.ApplicationLogLevel;
import dev.laconic.annotations.LogFormat;
import dev.laconic.annotations.SystemLogLevel;

/**
 * Lambda's logging controls of a function ({@code LoggingConfig} but its log group, which the
 * template always declares).
 */
public record LoggingSettings(LogFormat format, ApplicationLogLevel applicationLevel,
    SystemLogLevel systemLevel) {

  /** Text, no levels: what Lambda does when nothing is written. */
  public static final LoggingSettings DEFAULT = new LoggingSettings(LogFormat.TEXT,
      ApplicationLogLevel.LAMBDA_DEFAULT, SystemLogLevel.LAMBDA_DEFAULT);
}
