package dev.laconic.logging;

import com.amazonaws.services.lambda.runtime.logging.LogFormat;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A logger that filters as the runtime's {@code AbstractLambdaLogger} does (both {@code log}
 * forms, UNDEFINED never) and records what reaches it, and through which form.
 */
final class RecordingLogger implements FormattedLogger {

  /** One call that passed the filter: {@code bytes} for {@code log(byte[], LogLevel)}. */
  record Call(boolean bytes, String text, LogLevel level) {}

  final List<Call> calls = new ArrayList<>();
  private final LogFormat format;
  private final LogLevel minimumLevel;

  RecordingLogger(LogFormat format, LogLevel minimumLevel) {
    this.format = format;
    this.minimumLevel = minimumLevel;
  }

  @Override
  public LogFormat logFormat() {
    return format;
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
    if (enabled(level)) {
      calls.add(new Call(false, message, level));
    }
  }

  @Override
  public void log(byte[] message, LogLevel level) {
    if (enabled(level)) {
      calls.add(new Call(true, new String(message, StandardCharsets.UTF_8), level));
    }
  }

  private boolean enabled(LogLevel level) {
    return level == LogLevel.UNDEFINED || level.ordinal() >= minimumLevel.ordinal();
  }

  /** The text of every call. */
  List<String> texts() {
    return calls.stream().map(Call::text).toList();
  }
}
