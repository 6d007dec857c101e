package dev.laconic.local.lambda;

import com.amazonaws.services.lambda.runtime.logging.LogFormat;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.factories.GsonFactory;
import dev.laconic.local.app.LoggingConfig;
import dev.laconic.logging.FormattedLogger;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

/**
 * The {@code LambdaLogger} of a local invocation, which writes and filters records as the Lambda
 * Java runtime's logger does for the function's {@code LoggingConfig}, each line prefixed with
 * the function's logical id.
 *
 * <p>JSON: {@code log(String, LogLevel)} writes the runtime's record, with the runtime's own
 * serializer ({@code aws-lambda-java-serialization}'s Gson) and the fields of its
 * {@code StructuredLogMessage}, so the bytes are the runtime's; {@code log(String)} is a record of
 * level UNDEFINED. Text: the runtime's {@code [INFO] message}, the bare message for UNDEFINED.
 * {@code log(byte[], LogLevel)} writes the bytes as they are in both. A record below
 * {@link LoggingConfig#minimumLevel()} is dropped; UNDEFINED never is. (The runtime's
 * {@code JsonLogFormatter}, {@code TextLogFormatter}, {@code LogFiltering}.)
 */
final class LocalLogger implements FormattedLogger {

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final PojoSerializer<Record> SERIALIZER =
      GsonFactory.getInstance().getSerializer(Record.class);

  /** The runtime's {@code StructuredLogMessage}: Gson writes the fields in this order. */
  @SuppressWarnings("unused")
  static final class Record {
    public String timestamp;
    public String message;
    public LogLevel level;
    public String AWSRequestId;
    public String tenantId;
  }

  private final String prefix;
  private final LoggingConfig config;
  private final LogLevel minimumLevel;
  private final String requestId;
  private final Consumer<String> output;

  LocalLogger(String logicalId, LoggingConfig config, String requestId,
      Consumer<String> output) {
    this.prefix = "[" + logicalId + "] ";
    this.config = config;
    this.minimumLevel = config.minimumLevel();
    this.requestId = requestId;
    this.output = output;
  }

  @Override
  public LogFormat logFormat() {
    return config.format();
  }

  @Override
  public void log(String message) {
    log(message, LogLevel.UNDEFINED);
  }

  @Override
  public void log(byte[] message) {
    log(message, LogLevel.UNDEFINED);
  }

  @Override
  public void log(String message, LogLevel level) {
    if (!isEnabled(level)) {
      return;
    }
    if (config.format() == LogFormat.JSON) {
      write(json(message, level));
    } else {
      write(level == LogLevel.UNDEFINED ? String.valueOf(message) : "[" + level + "] " + message);
    }
  }

  @Override
  public void log(byte[] message, LogLevel level) {
    if (isEnabled(level)) {
      // The runtime formats no byte[] message, and writes "null" for none.
      write(message == null ? "null" : new String(message, StandardCharsets.UTF_8));
    }
  }

  /**
   * Logs a fault of the function, as the runtime logs one it reports: at ERROR in the JSON
   * format, UNDEFINED in Text.
   */
  void fault(String message) {
    log(message, config.format() == LogFormat.JSON ? LogLevel.ERROR : LogLevel.UNDEFINED);
  }

  private boolean isEnabled(LogLevel level) {
    return level == LogLevel.UNDEFINED || level.ordinal() >= minimumLevel.ordinal();
  }

  private String json(String message, LogLevel level) {
    Record record = new Record();
    record.timestamp = TIMESTAMP.format(Instant.now());
    record.message = message;
    record.level = level;
    record.AWSRequestId = requestId;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SERIALIZER.toJson(record, bytes);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** One line to the output: the prefix, the text without the newline that ends a record. */
  private void write(String text) {
    output.accept(prefix + (text.endsWith("\n") ? text.substring(0, text.length() - 1) : text));
  }
}
