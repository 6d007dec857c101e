package dev.laconic.logging;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogFormat;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;

/**
 * Logs a message with fields, named values, through the invocation's {@code LambdaLogger}, in
 * the function's log format.
 *
 * <pre>
 * StructuredLog log = StructuredLog.of(context);
 * log.info("Request received", Map.of("RequestID", context.getAwsRequestId()));
 * log.info("DynamoDb Event", Map.of("Keys", record.getDynamodb().getKeys(),
 *     "NewImage", record.getDynamodb().getNewImage()));
 * </pre>
 *
 * <p>JSON format: one JSON object per line, Lambda's own keys first, as the runtime writes its
 * records ({@code timestamp}, {@code message}, {@code level}, {@code AWSRequestId}), then the
 * fields sorted by name, so that CloudWatch Logs Insights and Lambda's level filtering read it as
 * one of the runtime's records:
 * <pre>
 * {"timestamp":"2024-05-01T12:00:00.000Z","message":"Request received","level":"INFO",
 *  "AWSRequestId":"8f5...","RequestID":"8f5..."}
 * </pre>
 * The line goes through {@code log(byte[], LogLevel)}, which the runtime writes as it is but
 * still drops below the function's {@code ApplicationLogLevel}. A field named like one of
 * Lambda's keys is written as {@code fields.<name>} ({@code fields.level}), as logrus does: it
 * neither replaces Lambda's key nor is lost.
 *
 * <p>Text format: {@code Request received RequestID="8f5..."}, the values as compact JSON, through
 * {@code log(String, LogLevel)}, which prefixes the level ({@code [INFO] }) as for any record.
 *
 * <p>Values: see {@link #info(String, Map)}. Writing a line never throws for a value.
 *
 * <p>The format is the logger's own when it implements {@link FormattedLogger} (the local runner
 * and the test kit), else {@code AWS_LAMBDA_LOG_FORMAT}, which Lambda sets to {@code JSON} for the
 * JSON format; Text when neither says.
 */
public final class StructuredLog {

  /** What Lambda set for this process; read once, as the runtime reads them once. */
  private static final LogFormat LAMBDA_FORMAT = format(System.getenv("AWS_LAMBDA_LOG_FORMAT"));
  private static final LogLevel LAMBDA_LEVEL = level(System.getenv("AWS_LAMBDA_LOG_LEVEL"));

  private final LambdaLogger logger;
  private final boolean json;
  private final LogLevel minimumLevel;
  private final String requestId;
  private final String tenantId;
  private final Clock clock;

  StructuredLog(LambdaLogger logger, LogFormat format, LogLevel minimumLevel, String requestId,
      String tenantId, Clock clock) {
    this.logger = Objects.requireNonNull(logger, "logger");
    this.json = format == LogFormat.JSON;
    this.minimumLevel = minimumLevel;
    this.requestId = requestId;
    this.tenantId = tenantId;
    this.clock = clock;
  }

  /** The log of the invocation of {@code context}: its logger and its request id. */
  public static StructuredLog of(Context context) {
    LambdaLogger logger = context.getLogger();
    if (logger instanceof FormattedLogger formatted) {
      // The logger filters by itself; nothing here knows its level.
      return new StructuredLog(logger, formatted.logFormat(), LogLevel.UNDEFINED,
          context.getAwsRequestId(), tenantId(context), Clock.systemUTC());
    }
    return new StructuredLog(logger, LAMBDA_FORMAT, LAMBDA_LEVEL, context.getAwsRequestId(),
        tenantId(context), Clock.systemUTC());
  }

  /**
   * Whether a record of {@code level} is written: false when it is below the level Lambda
   * filters at, so a caller can skip computing costly fields.
   */
  public boolean isEnabled(LogLevel level) {
    return level == LogLevel.UNDEFINED || level.ordinal() >= minimumLevel.ordinal();
  }

  public void trace(String message) {
    log(LogLevel.TRACE, message, null);
  }

  public void trace(String message, Map<String, ?> fields) {
    log(LogLevel.TRACE, message, fields);
  }

  public void debug(String message) {
    log(LogLevel.DEBUG, message, null);
  }

  public void debug(String message, Map<String, ?> fields) {
    log(LogLevel.DEBUG, message, fields);
  }

  public void info(String message) {
    log(LogLevel.INFO, message, null);
  }

  /**
   * Logs {@code message} at INFO with {@code fields}. A value is written as JSON: null, strings,
   * numbers and booleans as themselves (NaN and the infinities as strings), enums by name,
   * maps as objects with sorted keys, iterables and arrays as arrays, {@code byte[]} and
   * {@code ByteBuffer} as base64, the events library's DynamoDB {@code AttributeValue} as DynamoDB
   * JSON ({@code {"S":"x"}}), anything else as its {@code toString} text (a {@code toString}
   * that throws is written as a note of what it threw).
   */
  public void info(String message, Map<String, ?> fields) {
    log(LogLevel.INFO, message, fields);
  }

  public void warn(String message) {
    log(LogLevel.WARN, message, null);
  }

  public void warn(String message, Map<String, ?> fields) {
    log(LogLevel.WARN, message, fields);
  }

  public void error(String message) {
    log(LogLevel.ERROR, message, null);
  }

  public void error(String message, Map<String, ?> fields) {
    log(LogLevel.ERROR, message, fields);
  }

  public void fatal(String message) {
    log(LogLevel.FATAL, message, null);
  }

  public void fatal(String message, Map<String, ?> fields) {
    log(LogLevel.FATAL, message, fields);
  }

  /** Logs {@code message} at {@code level} with {@code fields}, which may be null. */
  public void log(LogLevel level, String message, Map<String, ?> fields) {
    if (!isEnabled(level)) {
      return; // Lambda would drop the line: do not build it
    }
    if (json) {
      String line = LogLines.json(timestamp(clock.instant()), message, level, requestId,
          tenantId, fields);
      logger.log(line.getBytes(StandardCharsets.UTF_8), level);
    } else {
      logger.log(LogLines.text(message, fields), level);
    }
  }

  /**
   * {@code instant} as the runtime writes a record's time, {@code yyyy-MM-dd'T'HH:mm:ss.SSS'Z'} in
   * UTC. Written by hand: a {@code DateTimeFormatter} of that pattern costs a cold start some
   * 10 ms to build, on the first record.
   */
  static String timestamp(Instant instant) {
    LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(),
        ZoneOffset.UTC);
    if (time.getYear() < 1 || time.getYear() > 9999) {
      // Past four digits the pattern writes a sign (+10000), and before year 1 the year of era
      // (0002 for 2 BC): rare enough to build the formatter for.
      return OtherYears.PATTERN.format(time);
    }
    StringBuilder text = new StringBuilder(24);
    padded(text, time.getYear(), 4).append('-');
    padded(text, time.getMonthValue(), 2).append('-');
    padded(text, time.getDayOfMonth(), 2).append('T');
    padded(text, time.getHour(), 2).append(':');
    padded(text, time.getMinute(), 2).append(':');
    padded(text, time.getSecond(), 2).append('.');
    return padded(text, time.getNano() / 1_000_000, 3).append('Z').toString();
  }

  /** The runtime's own pattern, built only for a year outside 1 to 9999. */
  private static final class OtherYears {
    static final DateTimeFormatter PATTERN =
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
  }

  private static StringBuilder padded(StringBuilder text, int value, int digits) {
    String number = Integer.toString(value);
    for (int i = number.length(); i < digits; i++) {
      text.append('0');
    }
    return text.append(number);
  }

  /** The context's tenant id; none from a {@code Context} older than the method. */
  private static String tenantId(Context context) {
    try {
      return context.getTenantId();
    } catch (LinkageError olderContext) {
      return null;
    }
  }

  static LogFormat format(String name) {
    return "JSON".equalsIgnoreCase(name) ? LogFormat.JSON : LogFormat.TEXT;
  }

  /** The level the runtime filters at; UNDEFINED (nothing filtered) when unset or unknown. */
  static LogLevel level(String name) {
    if (name != null) {
      for (LogLevel level : LogLevel.values()) {
        if (level.name().equalsIgnoreCase(name)) {
          return level;
        }
      }
    }
    return LogLevel.UNDEFINED;
  }
}
