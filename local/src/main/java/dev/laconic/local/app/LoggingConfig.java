package dev.laconic.local.app;

import com.amazonaws.services.lambda.runtime.logging.LogFormat;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * A function's {@code LoggingConfig}: the format of its records and, in the JSON format, the
 * level below which its records are dropped.
 *
 * @param format {@code JSON} or {@code TEXT}, Lambda's default
 * @param applicationLogLevel {@code ApplicationLogLevel}, when the template sets it
 * @param systemLogLevel {@code SystemLogLevel}, when the template sets it: the level of Lambda's
 *     own platform lines, which a local run does not print
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-advanced.html">
 *     Configuring advanced logging controls for Lambda functions</a>
 */
public record LoggingConfig(LogFormat format, Optional<LogLevel> applicationLogLevel,
    Optional<String> systemLogLevel) {

  /** A function without {@code LoggingConfig}: plain text, nothing filtered. */
  public static final LoggingConfig TEXT =
      new LoggingConfig(LogFormat.TEXT, Optional.empty(), Optional.empty());

  public LoggingConfig {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(applicationLogLevel, "applicationLogLevel");
    Objects.requireNonNull(systemLogLevel, "systemLogLevel");
  }

  /**
   * The level below which the runtime drops a record ({@code UNDEFINED}: none). Lambda sets the
   * runtime's {@code AWS_LAMBDA_LOG_LEVEL} in the JSON format only, to {@code ApplicationLogLevel}
   * or else INFO; a Text function's records are never filtered.
   */
  public LogLevel minimumLevel() {
    return format == LogFormat.JSON ? applicationLogLevel.orElse(LogLevel.INFO)
        : LogLevel.UNDEFINED;
  }

  /**
   * The {@code LoggingConfig} of a function, its {@code Properties.LoggingConfig} (missing for
   * none; a SAM function's already over its template's globals). A value that is no plain string
   * (a {@code Ref} to a parameter) or that Lambda would reject is left at its default: the local
   * run cannot resolve it.
   */
  static LoggingConfig of(JsonNode config) {
    // The values are enums of the resource's schema, so "json" is refused as much as "XML".
    LogFormat logFormat = config.path("LogFormat").asText("").equals("JSON") ? LogFormat.JSON
        : LogFormat.TEXT;
    return new LoggingConfig(logFormat, level(config.path("ApplicationLogLevel")),
        text(config.path("SystemLogLevel")));
  }

  private static Optional<LogLevel> level(JsonNode value) {
    for (LogLevel level : LogLevel.values()) {
      if (level != LogLevel.UNDEFINED && value.isTextual()
          && level.name().equals(value.asText())) {
        return Optional.of(level);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> text(JsonNode value) {
    return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
  }
}
