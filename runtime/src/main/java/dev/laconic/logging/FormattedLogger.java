package dev.laconic.logging;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogFormat;

/**
 * A {@code LambdaLogger} that says the format of its records, so that {@link StructuredLog}
 * writes lines of the same format where no {@code AWS_LAMBDA_LOG_FORMAT} variable tells it (a
 * local run, a test).
 *
 * <p>The Lambda runtime's own logger knows its format too, but keeps it in a class of the runtime
 * that handlers cannot see; there the variable Lambda sets is read instead.
 */
public interface FormattedLogger extends LambdaLogger {

  /** The format of the records this logger writes through {@code log(String, LogLevel)}. */
  LogFormat logFormat();
}
